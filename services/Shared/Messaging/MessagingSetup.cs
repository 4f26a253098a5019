using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Coordination.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// MassTransit on RabbitMQ when <c>Messaging:RabbitMqUri</c> is set, on the in-memory bus otherwise; plus the
    /// outbox relay. Queues are named after the service and consumer (<c>personnel-mandate-extended</c>), so
    /// replicas of one service compete for a queue and every service gets its own copy of an event.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging(
        this IHostApplicationBuilder builder, string service, Action<IBusRegistrationConfigurator> addConsumers)
    {
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddSingleton(options);
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxMetrics>();

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.Prefix + service, false));
            addConsumers(x);
            if (options.UsesRabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(options.RabbitMqUri));
                    Configure(context, cfg, options);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => Configure(context, cfg, options));
            }
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            // Without this, StartAsync returns before the queues are bound and the first events can miss them.
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        builder.Services.AddSingleton<IEventTransport>(sp =>
            !options.UsesRabbitMq && sp.GetService<InProcessEventHub>() is { } hub
                ? new HubEventTransport(hub)
                : new BusEventTransport(sp.GetRequiredService<IBus>()));
        // Registered after MassTransit: starts once the bus is up, stops (draining the outbox) before it goes down.
        builder.Services.AddHostedService(sp => new HubAttachment(service, options, sp));
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        return builder;
    }

    private static void Configure<T>(IBusRegistrationContext context, IBusFactoryConfigurator<T> cfg, MessagingOptions options)
        where T : IReceiveEndpointConfigurator
    {
        if (options.Prefix.Length > 0)
        {
            cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, options.Prefix));
        }
        cfg.UseMessageRetry(r => r.Exponential(6, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500)));
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>Attaches this host's in-memory bus to the process's hub, when the local run provides one.</summary>
    private sealed class HubAttachment(string service, MessagingOptions options, IServiceProvider services) : IHostedService
    {
        private IDisposable? attachment;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!options.UsesRabbitMq && services.GetService<InProcessEventHub>() is { } hub)
            {
                attachment = hub.Attach(service, services.GetRequiredService<IBus>());
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            attachment?.Dispose();
            return Task.CompletedTask;
        }
    }
}
