using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Hosting;

/// <summary>
/// One service as a unit that can be hosted alone (its Program.cs) or several to a process (the local run and the
/// tests), each with its own host, ports, configuration and database.
/// </summary>
public sealed record ServiceModule(string Name, Action<WebApplicationBuilder> Add, Action<WebApplication> Map)
{
    public WebApplication Build(
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<IServiceCollection>? services = null,
        string environment = "Production",
        string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = environment,
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
            ApplicationName = Add.Method.DeclaringType?.Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        services?.Invoke(builder.Services);
        Add(builder);
        var app = builder.Build();
        Map(app);
        return app;
    }
}
