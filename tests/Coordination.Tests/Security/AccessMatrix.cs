using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Diplomacy;
using Coordination.Finance;
using Coordination.Logistics;
using Coordination.Personnel;
using Coordination.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Coordination.Tests.Security;

/// <summary>The services' authorization tables and the public contract they must cover, read as data.</summary>
public static class AccessMatrix
{
    public static readonly IReadOnlyDictionary<string, AccessTable> Tables = new Dictionary<string, AccessTable>
    {
        [PersonnelService.Name] = PersonnelAccess.Table,
        [LogisticsService.Name] = LogisticsAccess.Table,
        [FinanceService.Name] = FinanceAccess.Table,
        [DiplomacyService.Name] = DiplomacyAccess.Table,
    };

    /// <summary>
    /// A generic gRPC method for any RPC, marshalled with the descriptor's own parsers; sent to <paramref name="path"/>
    /// (<c>/package.Service/Method</c>) instead of the RPC's own path when one is given.
    /// </summary>
    public static Method<IMessage, IMessage> Generic(MethodDescriptor method, string? path = null)
    {
        var (service, name) = path is null ? (method.Service.FullName, method.Name) : (path[1..path.LastIndexOf('/')], path[(path.LastIndexOf('/') + 1)..]);
        return new(
            method.IsClientStreaming
                ? method.IsServerStreaming ? MethodType.DuplexStreaming : MethodType.ClientStreaming
                : method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
            service, name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
    }

    /// <summary>
    /// The path of <paramref name="method"/> spelled in other cases, as a partner probing for a way past the checks
    /// would: the package's first letter in upper case, and the method's first letter in lower case.
    /// </summary>
    public static string[] InOtherCases(MethodDescriptor method)
    {
        var path = PublicContract.PathOf(method);
        var slash = path.LastIndexOf('/');
        return
        [
            $"/{char.ToUpperInvariant(path[1])}{path[2..]}",
            $"{path[..(slash + 1)]}{char.ToLowerInvariant(path[slash + 1])}{path[(slash + 2)..]}",
        ];
    }

    /// <summary>Calls any RPC with one request message and returns the status it ends with (OK when it answers).</summary>
    public static async Task<Status> CallAsync(CallInvoker invoker, MethodDescriptor descriptor, IMessage request, string token, string? path = null) =>
        (await CallForAnswerAsync(invoker, descriptor, request, token, path)).Status;

    /// <summary>
    /// Calls any RPC with one request message (at <paramref name="path"/> when given); returns the status it ends with
    /// and what it answered as JSON (a stream: its first message, or all of them for a bidirectional one), or null
    /// when it answered nothing.
    /// </summary>
    public static async Task<(Status Status, string? Answer)> CallForAnswerAsync(
        CallInvoker invoker, MethodDescriptor descriptor, IMessage request, string token, string? path = null)
    {
        var method = Generic(descriptor, path);
        var options = new CallOptions(Bearer.Headers(token), DateTime.UtcNow.AddSeconds(20));
        var answers = new List<IMessage>();
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                    answers.Add(await invoker.AsyncUnaryCall(method, null, options, request));
                    break;
                case MethodType.ServerStreaming:
                    {
                        using var cancel = new CancellationTokenSource();
                        using var call = invoker.AsyncServerStreamingCall(method, null, options.WithCancellationToken(cancel.Token), request);
                        if (await call.ResponseStream.MoveNext(CancellationToken.None)) // the first answer (or the refusal) is enough
                        {
                            answers.Add(call.ResponseStream.Current);
                        }
                        break;
                    }
                case MethodType.ClientStreaming:
                    {
                        using var call = invoker.AsyncClientStreamingCall(method, null, options);
                        await SendAsync(call.RequestStream, request);
                        answers.Add(await call.ResponseAsync);
                        break;
                    }
                default:
                    {
                        using var call = invoker.AsyncDuplexStreamingCall(method, null, options);
                        await SendAsync(call.RequestStream, request);
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                            answers.Add(call.ResponseStream.Current);
                        }
                        break;
                    }
            }
            return (Status.DefaultSuccess, answers.Count == 0 ? null : string.Join("\n", answers.Select(m => JsonFormatter.Default.Format(m))));
        }
        catch (RpcException e)
        {
            return (e.Status, null);
        }
    }

    /// <summary>
    /// Sends a stream's one message and ends it. A server may refuse the call before it reads the stream (a path it does
    /// not serve, a missing grant): the stream is then reset, and a write racing the reset fails with CANCELLED. What the
    /// server said is the call's own status, read from its response after this.
    /// </summary>
    private static async Task SendAsync(IClientStreamWriter<IMessage> stream, IMessage request)
    {
        try
        {
            await stream.WriteAsync(request);
            await stream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The call ended first; its response carries the status.
        }
    }
}

/// <summary>The matrix as the Markdown tables docs/security.md shows, one per service, rendered from the tables.</summary>
public static class AccessMatrixDocument
{
    public const string Begin = "<!-- access-matrix:begin (rendered from the services' access tables; a test keeps it equal) -->";
    public const string End = "<!-- access-matrix:end -->";

    public static string Render()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(Begin);
        foreach (var (service, table) in AccessMatrix.Tables)
        {
            text.AppendLine().AppendLine($"### {service}").AppendLine();
            text.AppendLine($"| RPC | {string.Join(" | ", Roles.Everyone)} |");
            text.AppendLine($"|---|{string.Concat(Roles.Everyone.Select(_ => "---|"))}");
            foreach (var rule in table.Rules)
            {
                text.AppendLine($"| `{rule.Method[(rule.Method.LastIndexOf('.') + 1)..]}` | {string.Join(" | ", Roles.Everyone.Select(r => Cell(rule, r)))} |");
            }
        }
        text.AppendLine().Append(End);
        return text.ToString();
    }

    private static string Cell(AccessRule rule, string role) => rule.GrantFor(role) switch
    {
        null => "—",
        { AnyNation: true } => "all",
        { OwnNation: true, PublicPart: true } => "own + public" + Declared(rule),
        { OwnNation: true } => "own" + Declared(rule),
        _ => "public",
    };

    /// <summary>What an own-nation role declares where it may send only part of the request: "own: up to MOBILIZED".</summary>
    private static string Declared(AccessRule rule) => rule.Declares.Length > 0 ? $": {rule.Declares}" : "";
}
