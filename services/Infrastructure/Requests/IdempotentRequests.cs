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
/// Runs a mutating call once per client-chosen request id. The change, its events and the stored answer commit in
/// one transaction; a retry with the same id gets the stored answer and changes nothing. A reused id that carries
/// a different request is refused, as a retry must be byte-for-byte the same call. A retry is answered before its
/// request is judged again (<see cref="RequestReplayInterceptor"/>), so what was accepted is not refused later by a
/// rule that reads the clock; the write does not look the id up again (a retry committing at the same time is caught by
/// the id's unique key), unless it is called without that interceptor having looked.
/// </summary>
public sealed class IdempotentRequests(ServiceDbContext db, TimeProvider time)
{
    private const string Savepoint = "request_record";

    public async Task<TResponse> ExecuteAsync<TRequest, TResponse>(
        TRequest request, string requestId, Caller caller, ServerCallContext context, Func<Task<TResponse>> change)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        var v = new Violations();
        v.RequestId(requestId);
        v.ThrowIfAny();

        var scope = ScopeOf(caller);
        var hash = HashOf(context.Method, request);

        if (!WasLookedUp(context, requestId) && await StoredAnswerAsync(scope, requestId, hash, context.CancellationToken) is { } earlier)
        {
            return Parse<TResponse>(earlier);
        }

        // Inside a transaction of the caller's (a lock held for a rule, a ledger write), a failed insert would abort the
        // whole transaction on PostgreSQL: this call's changes and the insert are rolled back to here instead.
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null)
        {
            await transaction.CreateSavepointAsync(Savepoint, context.CancellationToken);
        }
        var response = await change();
        db.RequestRecords.Add(new RequestRecord
        {
            Scope = scope,
            RequestId = requestId,
            Method = context.Method,
            RequestHash = hash,
            Response = response.ToByteArray(),
            CreatedAt = time.UtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            return response;
        }
        catch (DbUpdateException e) when (ServiceDbContext.IsUniqueViolation(e))
        {
            // A concurrent retry with the same id committed first: its answer is the answer, and this call changes nothing.
            db.ChangeTracker.Clear();
            if (transaction is not null)
            {
                await transaction.RollbackToSavepointAsync(Savepoint, context.CancellationToken);
            }
            var winner = await StoredAnswerAsync(scope, requestId, hash, context.CancellationToken);
            if (winner is null)
            {
                throw; // the violation was the service's own unique key, not the request id
            }
            return Parse<TResponse>(winner);
        }
    }

    /// <summary>
    /// The answer stored for <paramref name="requestId"/> of <paramref name="caller"/>, when <paramref name="request"/>
    /// to <paramref name="method"/> is the request that got it; null when the id is new (or not a well-formed id).
    /// INVALID_ARGUMENT on <c>request_id</c> when the id was used for another request.
    /// </summary>
    public async Task<byte[]?> StoredAnswerAsync(string method, IMessage request, string requestId, Caller caller, CancellationToken ct) =>
        Fields.IsWellFormedRequestId(requestId)
            ? await StoredAnswerAsync(ScopeOf(caller), requestId, HashOf(method, request), ct)
            : null;

    private static readonly object LookedUpKey = new();

    /// <summary>Notes on the call that <paramref name="requestId"/> had no stored answer when the call began.</summary>
    public static void MarkLookedUp(ServerCallContext context, string requestId) => context.UserState[LookedUpKey] = requestId;

    private static bool WasLookedUp(ServerCallContext context, string requestId) =>
        context.UserState.TryGetValue(LookedUpKey, out var id) && (string)id == requestId;

    /// <summary>
    /// Whose request ids these are: one subject of one issuer (two issuers may both have a subject "ops-1"). Hashed,
    /// as issuer and subject together may be longer than the column, and length-prefixed, so no pair reads as another.
    /// </summary>
    public static string ScopeOf(Caller caller) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{caller.Issuer.Length}:{caller.Issuer}{caller.Subject}")));

    private static string HashOf(string method, IMessage request) =>
        Convert.ToHexStringLower(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(method), .. request.ToByteArray()]));

    private static TResponse Parse<TResponse>(byte[] answer) where TResponse : IMessage<TResponse>, new()
    {
        var parsed = new TResponse();
        parsed.MergeFrom(answer);
        return parsed;
    }

    private async Task<byte[]?> StoredAnswerAsync(string scope, string requestId, string hash, CancellationToken ct)
    {
        var record = await db.RequestRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Scope == scope && r.RequestId == requestId, ct);
        if (record is null)
        {
            return null;
        }
        return record.RequestHash == hash
            ? record.Response
            : throw new RequestValidationException(
                [new FieldViolation("request_id", $"was already used for a different request ({record.Method}); choose a new id for a new request")]);
    }
}
