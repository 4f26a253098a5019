using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Coordination.Hosting;
using Coordination.Events;
using Coordination.Persistence;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordination.Messaging;

public static partial class MessagingSetup
{
    /// <summary>
    /// MassTransit on RabbitMQ when <c>Messaging:RabbitMqUri</c> is set, on the in-memory bus otherwise (in Development,
    /// or when <c>Messaging:Transport</c> is <c>InProcess</c>: elsewhere the host refuses to start); plus the
    /// outbox relay. Queues are named after the service and consumer (<c>personnel-mandate-extended</c>), so
    /// replicas of one service compete for a queue and every service gets its own copy of an event. Consumers accept an
    /// event only from its owner (<see cref="PublisherCheck"/>) and park what they refuse or cannot handle in the
    /// queue's <c>_error</c> queue. MassTransit's usage telemetry (a report to an outside host) is off.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging(
        this IHostApplicationBuilder builder, string service, Action<IBusRegistrationConfigurator> addConsumers)
    {
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddSingleton(options);
        // Checked when the host starts, not here: the migrate step runs without a broker.
        var transportProblem = options.TransportProblem(builder.Environment.IsDevelopment());
        builder.Services.AddOptions<MessagingOptions>().Validate(_ => transportProblem is null, transportProblem ?? "").ValidateOnStart();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddCommitSignal<OutboxSignal>();
        builder.Services.AddSingleton<OutboxMetrics>();
        builder.Services.AddSingleton<RefusedEvents>();
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource("MassTransit"))
            .WithMetrics(m => m.AddMeter("MassTransit", OutboxMetrics.MeterName, RefusedEvents.MeterName));
        // On RabbitMQ the configuration is checked now, so that a host with wrong publisher users does not start.
        var brokerCheck = options.UsesRabbitMq ? PublisherCheck.ForBroker(service, options) : null;
        builder.Services.AddSingleton(sp => brokerCheck
            ?? (sp.GetService<InProcessEventHub>() is null ? PublisherCheck.Off() : PublisherCheck.ForHub()));

        builder.Services.AddMassTransit(x =>
        {
            // A government system does not report to a vendor: no usage telemetry, ever.
            x.DisableUsageTelemetry();
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.Prefix + service, false));
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Nobody consumes Fault<T> events, and each would need its own exchange that every service could write.
                endpoint.PublishFaults = false;
                if (options.UsesRabbitMq)
                {
                    endpoint.ParkWithoutUserId();
                }
            });
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
                ? new HubEventTransport(hub, sp.GetRequiredService<ServiceIdentity>())
                : new BusEventTransport(sp.GetRequiredService<IBus>(), options));
        // Registered after MassTransit: starts once the bus is up, stops (draining the outbox) before it goes down.
        builder.Services.AddHostedService(sp => new HubAttachment(service, options, sp));
        builder.Services.AddHostedService(sp => new PublisherCheckNotice(options, sp.GetRequiredService<PublisherCheck>(), sp.GetRequiredService<ILogger<PublisherCheck>>()));
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
        // Events go to their own type's exchange only: an exchange of the shared base type would be one that every
        // service may write and a dashboard might bind.
        cfg.Publish<IntegrationEvent>(p => p.Exclude = true);
        cfg.UseConsumeFilter(typeof(OwnerOnlyFilter<>), context);
        cfg.UseMessageRetry(r =>
        {
            r.Exponential(6, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500));
            r.Ignore<PublisherRefusedException>();
        });
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

    /// <summary>Says at start whether this host checks who published what it consumes.</summary>
    private sealed partial class PublisherCheckNotice(MessagingOptions options, PublisherCheck check, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (check.Enforced)
            {
                LogEnforced(logger);
            }
            else if (options.UsesRabbitMq)
            {
                LogNotEnforced(logger);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Consumers accept an event only from the service that owns it")]
        private static partial void LogEnforced(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Messaging:AcceptAnyPublisher is set: consumers cannot tell who published an event and accept any (set Messaging:PublisherUsers wherever services have their own broker users)")]
        private static partial void LogNotEnforced(ILogger logger);
    }
}
