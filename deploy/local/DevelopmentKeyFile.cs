using Coordination.Gateway;

namespace Coordination.Local;

/// <summary>
/// The development issuer's key pair, kept beside the SQLite files so tokens survive a restart: the private JWK
/// (readable by its owner only; the local gateway's /dev/token signs with it) and the public JWKS the services and the
/// gateway validate with (also what a development cluster is given, docs/operations.md).
/// </summary>
public static class DevelopmentKeyFile
{
    public const string PrivateKeyFile = "dev-issuer-key.json";
    public const string PublicKeysFile = "dev-issuer-public-keys.json";

    public static DevelopmentKey LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, PrivateKeyFile);
        var key = File.Exists(path) ? DevelopmentKey.Parse(File.ReadAllText(path)) : Create(path);
        File.WriteAllText(Path.Combine(dataDirectory, PublicKeysFile), key.PublicKeys);
        return key;
    }

    private static DevelopmentKey Create(string path)
    {
        var key = DevelopmentKey.Create();
        File.WriteAllText(path, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.WriteAllText(path, key.PrivateJwk);
        return key;
    }
}
