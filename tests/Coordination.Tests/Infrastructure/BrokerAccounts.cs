using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Coordination.Tests.Deployment;

namespace Coordination.Tests.Infrastructure;

/// <summary>
/// A vhost of its own on the shared broker, with broker users created in it through the management API (each with a
/// name unique to this run), so that a test can give services their own users as production does; deletes all of it.
/// </summary>
public sealed class BrokerAccounts : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly Uri broker;
    private readonly List<string> users = [];

    private BrokerAccounts(HttpClient http, Uri broker, string vhost)
    {
        this.http = http;
        this.broker = broker;
        Vhost = vhost;
    }

    public string Vhost { get; }

    public static async Task<BrokerAccounts> CreateAsync()
    {
        var management = TestEnvironment.RabbitMqManagementUri();
        var http = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "" }.Uri };
        var credentials = management.UserInfo.Split(':', 2).Select(Uri.UnescapeDataString).ToArray();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials[0]}:{credentials[1]}")));
        var accounts = new BrokerAccounts(http, new Uri(await TestEnvironment.RabbitMqUriAsync()), $"t{Guid.NewGuid():N}"[..12]);
        await accounts.PutAsync($"api/vhosts/{accounts.Vhost}", new { });
        // The administrator reads the vhost's queues for the tests (what an operator does).
        await accounts.PutAsync($"api/permissions/{accounts.Vhost}/{Uri.EscapeDataString(credentials[0])}", new { configure = ".*", write = ".*", read = ".*" });
        return accounts;
    }

    /// <summary>A user with these permissions in this vhost; returns the AMQP address to connect as it.</summary>
    public async Task<(string User, string Uri)> AddUserAsync(string name, BrokerPermission permission)
    {
        var user = $"{Vhost}-{name}";
        var password = Guid.NewGuid().ToString("N");
        await PutAsync($"api/users/{user}", new { password, tags = "" });
        users.Add(user);
        await PutAsync($"api/permissions/{Vhost}/{user}", new { configure = permission.Configure, write = permission.Write, read = permission.Read });
        return (user, new UriBuilder(broker) { UserName = user, Password = password, Path = "/" + Vhost }.Uri.ToString());
    }

    /// <summary>The messages waiting in a queue, left where they are.</summary>
    public async Task<IReadOnlyList<JsonElement>> PeekAsync(string queue)
    {
        using var response = await http.PostAsJsonAsync($"api/queues/{Vhost}/{queue}/get",
            new { count = 100, ackmode = "ack_requeue_true", encoding = "auto", truncate = 100_000 });
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<JsonElement>>() ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var user in users)
        {
            await http.DeleteAsync($"api/users/{user}");
        }
        await http.DeleteAsync($"api/vhosts/{Vhost}");
        http.Dispose();
    }

    private async Task PutAsync(string path, object body)
    {
        using var response = await http.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
