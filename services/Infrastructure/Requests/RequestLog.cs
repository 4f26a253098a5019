using System.Security.Cryptography;
using Coordination.Auth;
using Coordination.Errors;
using Coordination.Persistence;
using Coordination.Validation;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Requests;

/// <summary>
/// The first answer to each mutating call, kept by the caller's request id (<see cref="RequestRecord"/>), so a retry
/// gets it again. A reused id that carries a different request is refused, as a retry must be byte-for-byte the same
/// call. Read by <see cref="RequestReplayInterceptor"/> before a call is judged and written by <see cref="Writes"/>.
/// </summary>
public sealed class RequestLog(ServiceDbContext db, TimeProvider time)
{
    private static readonly object LookedUpKey = new();

    /// <summary>
    /// The answer stored for <paramref name="requestId"/> of <paramref name="caller"/>, when <paramref name="request"/>
    /// to <paramref name="method"/> is the request that got it; null when the id is new (or not a well-formed id).
    /// INVALID_ARGUMENT on <c>request_id</c> when the id was used for another request.
    /// </summary>
    public async Task<byte[]?> StoredAnswerAsync(string method, IMessage request, string requestId, Caller caller, CancellationToken ct) =>
        Fields.IsWellFormedRequestId(requestId)
            ? await AnswerAsync(new RequestKey(ScopeOf(caller), requestId, method, HashOf(method, request)), ct)
            : null;

    /// <summary>Notes on the call that <paramref name="requestId"/> had no stored answer when the call began.</summary>
    public static void MarkLookedUp(ServerCallContext context, string requestId) => context.UserState[LookedUpKey] = requestId;

    /// <summary>Whether the id was looked up when the call began (<see cref="MarkLookedUp"/>), so a write need not look again.</summary>
    internal static bool WasLookedUp(ServerCallContext context, string requestId) =>
        context.UserState.TryGetValue(LookedUpKey, out var id) && (string)id == requestId;

    internal static RequestKey KeyOf(string method, IMessage request, string requestId, Caller caller) =>
        new(ScopeOf(caller), requestId, method, HashOf(method, request));

    /// <summary>The answer stored under <paramref name="key"/>; null when there is none. INVALID_ARGUMENT when the id was used for another request.</summary>
    internal async Task<byte[]?> AnswerAsync(RequestKey key, CancellationToken ct)
    {
        var record = await db.RequestRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Scope == key.Scope && r.RequestId == key.RequestId, ct);
        if (record is null)
        {
            return null;
        }
        return record.RequestHash == key.Hash
            ? record.Response
            : throw new RequestValidationException(
                [new FieldViolation("request_id", $"was already used for a different request ({record.Method}); choose a new id for a new request")]);
    }

    /// <summary>Adds the record of <paramref name="response"/> under <paramref name="key"/>, saved with the write that produced it.</summary>
    internal void Add(RequestKey key, IMessage response) => db.RequestRecords.Add(new RequestRecord
    {
        Scope = key.Scope,
        RequestId = key.RequestId,
        Method = key.Method,
        RequestHash = key.Hash,
        Response = response.ToByteArray(),
        CreatedAt = time.UtcNow(),
    });

    internal static TResponse Parse<TResponse>(byte[] answer) where TResponse : IMessage<TResponse>, new()
    {
        var parsed = new TResponse();
        parsed.MergeFrom(answer);
        return parsed;
    }

    /// <summary>
    /// Whose request ids these are: one subject of one issuer (two issuers may both have a subject "ops-1"). Hashed,
    /// as issuer and subject together may be longer than the column, and length-prefixed, so no pair reads as another.
    /// </summary>
    private static string ScopeOf(Caller caller) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{caller.Issuer.Length}:{caller.Issuer}{caller.Subject}")));

    private static string HashOf(string method, IMessage request) =>
        Convert.ToHexStringLower(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(method), .. request.ToByteArray()]));
}
