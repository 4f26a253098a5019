// Asks the local run's development issuer for a Kenyan contributor's token, then lists Kenya's contingents through
// the gateway. Start the suite first: dotnet run --project deploy/local
using Coordination.Personnel.V1;
using Grpc.Core;
using Grpc.Net.Client;

var grpcAddress = new Uri(args.ElementAtOrDefault(0) ?? "http://127.0.0.1:8080");
var httpAddress = new Uri(args.ElementAtOrDefault(1) ?? "http://127.0.0.1:8081");

string token;
using (var http = new HttpClient { BaseAddress = httpAddress })
{
    try
    {
        using var answer = await http.GetAsync(new Uri("/dev/token?nation=KEN&role=contributor", UriKind.Relative));
        token = await answer.Content.ReadAsStringAsync();
        if (!answer.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"/dev/token answered {(int)answer.StatusCode}: {token}");
            return 1;
        }
    }
    catch (HttpRequestException e)
    {
        Console.Error.WriteLine($"No development issuer at {httpAddress} ({e.Message}). Is the local run started? dotnet run --project deploy/local");
        return 1;
    }
}

using var channel = GrpcChannel.ForAddress(grpcAddress);
var contingents = new ContingentService.ContingentServiceClient(channel);
var headers = new Metadata { { "authorization", $"Bearer {token}" } };
try
{
    var page = await contingents.ListContingentsAsync(new ListContingentsRequest { NationCode = "KEN" }, headers);
    Console.WriteLine($"Kenya's contingents: {page.Contingents.Count}");
    foreach (var contingent in page.Contingents)
    {
        Console.WriteLine($"  {contingent.Name}: {contingent.Status}, {contingent.OfficerCount} officers");
    }
    return 0;
}
catch (RpcException e)
{
    // The status and its message, as the gateway or the service wrote it: what a partner's log should keep.
    Console.Error.WriteLine($"ListContingents failed: {e.StatusCode}: {e.Status.Detail}");
    return 1;
}
