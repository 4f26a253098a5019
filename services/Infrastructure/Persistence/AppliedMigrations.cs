using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Coordination.Persistence;

/// <summary>
/// Records the migrations one context's migrator applies, from EF Core's diagnostic events. The pending list read
/// before migrating would name migrations that a replica migrating at the same moment applied under the lock; this
/// names only what this run applied.
/// </summary>
internal sealed class AppliedMigrations : IDisposable
{
    private readonly IMigrator migrator;
    private readonly List<string> names = [];
    private readonly List<IDisposable> subscriptions = [];

    private AppliedMigrations(DbContext db)
    {
        migrator = db.GetService<IMigrator>();
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(listener.Subscribe(new Observer<KeyValuePair<string, object?>>(Record), IsApplying));
                }
            }
        })));
    }

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (names)
            {
                return [.. names];
            }
        }
    }

    public static AppliedMigrations Watch(DbContext db) => new(db);

    private static bool IsApplying(string name) => name == RelationalEventId.MigrationApplying.Name;

    private void Record(KeyValuePair<string, object?> e)
    {
        if (e.Value is MigrationEventData applying && ReferenceEquals(applying.Migrator, migrator))
        {
            lock (names)
            {
                names.Add(applying.Migration.GetType().GetCustomAttribute<MigrationAttribute>()?.Id ?? applying.Migration.GetType().Name);
            }
        }
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
