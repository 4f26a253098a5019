using Coordination.Gateway;

namespace Coordination.Local;

/// <summary>
/// The local run's data folder: made when missing, held by one run at a time (a second one would share its SQLite
/// files and, asked to rebuild stale data or reset, could delete a file the first is writing), and holding the
/// development issuer's key pair beside the services' SQLite files.
/// </summary>
public sealed class LocalDataFolder : IAsyncDisposable
{
    private readonly FileStream heldLock;

    private LocalDataFolder(string directory, FileStream heldLock, DevelopmentKey key)
    {
        Directory = directory;
        this.heldLock = heldLock;
        Key = key;
    }

    public string Directory { get; }

    public DevelopmentKey Key { get; }

    /// <summary>Takes the folder for this run (an exclusive lock on <c>.lock</c>, held until disposed).</summary>
    /// <exception cref="LocalStartException">The folder cannot be made or written, or another run holds it.</exception>
    public static LocalDataFolder Open(string directory)
    {
        var key = LoadKey(directory);
        try
        {
            return new LocalDataFolder(directory, new FileStream(Path.Combine(directory, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), key);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Unusable(directory, e);
        }
        catch (IOException e)
        {
            throw new LocalDataInUseException($"Another local run is using {directory}. Stop it, or give this one its own folder with --data DIR.", e);
        }
    }

    /// <summary>The development issuer's key pair of this folder, made with the folder when missing (--dev-keys).</summary>
    /// <exception cref="LocalStartException">The folder cannot be made or written.</exception>
    public static DevelopmentKey LoadKey(string directory)
    {
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            return DevelopmentKeyFile.LoadOrCreate(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unusable(directory, e);
        }
    }

    /// <summary>Deletes these services' SQLite files (with their journals); nothing else in the folder.</summary>
    public IReadOnlyList<string> DeleteDatabases(IEnumerable<string> services)
    {
        var deleted = new List<string>();
        foreach (var service in services)
        {
            foreach (var suffix in new[] { ".db", ".db-wal", ".db-shm", ".db-journal" })
            {
                var file = Path.Combine(Directory, service + suffix);
                if (File.Exists(file))
                {
                    File.Delete(file);
                    deleted.Add(Path.GetFileName(file));
                }
            }
        }
        return deleted;
    }

    private static LocalStartException Unusable(string directory, Exception e) =>
        new($"--data: cannot use {directory} as the data folder ({e.Message.TrimEnd('.')}). Give a folder you can write to with --data DIR.", e);

    public ValueTask DisposeAsync() => heldLock.DisposeAsync();
}

/// <summary>The local run cannot start; the message says why and what to do, in one line.</summary>
public class LocalStartException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The data folder is held by another local run.</summary>
public sealed class LocalDataInUseException(string message, Exception inner) : LocalStartException(message, inner);
