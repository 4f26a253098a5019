using System.Security.Cryptography;

namespace Coordination.Local;

/// <summary>The development signing key, kept beside the SQLite files so tokens survive a restart.</summary>
public static class SigningKeyFile
{
    public static string LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "dev-signing-key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return key;
    }
}
