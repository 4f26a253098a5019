using Microsoft.EntityFrameworkCore;

namespace Coordination.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's context without starting the service: on PostgreSQL, the
/// provider of the one migration history (no database is contacted to add a migration).
/// </summary>
public abstract class DesignTimeContextFactory<TContext> : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=localhost;Database=design").Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
