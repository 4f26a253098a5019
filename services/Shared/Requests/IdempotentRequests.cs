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
/// a different request is refused, as a retry must be byte-for-byte the same call.
/// </summary>
public sealed class IdempotentRequests(ServiceDbContext db, TimeProvider time)
{
    public async Task<TResponse> ExecuteAsync<TRequest, TResponse>(
        TRequest request, string requestId, Caller caller, ServerCallContext context, Func<Task<TResponse>> change)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        var v = new Violations();
        v.RequestId(requestId);
        v.ThrowIfAny();

        var scope = ScopeOf(caller);
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(context.Method), .. request.ToByteArray()]));

        if (await FindAsync<TResponse>(scope, requestId, hash, context.CancellationToken) is { } earlier)
        {
            return earlier;
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
            // A concurrent retry with the same id committed first: its answer is the answer.
            db.ChangeTracker.Clear();
            var winner = await FindAsync<TResponse>(scope, requestId, hash, context.CancellationToken);
            if (winner is null)
            {
                throw; // the violation was the service's own unique key, not the request id
            }
            return winner;
        }
    }

    /// <summary>
    /// Whose request ids these are: one subject of one issuer (two issuers may both have a subject "ops-1"). Hashed,
    /// as issuer and subject together may be longer than the column, and length-prefixed, so no pair reads as another.
    /// </summary>
    public static string ScopeOf(Caller caller) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{caller.Issuer.Length}:{caller.Issuer}{caller.Subject}")));

    private async Task<TResponse?> FindAsync<TResponse>(string scope, string requestId, string hash, CancellationToken ct)
        where TResponse : IMessage<TResponse>, new()
    {
        var record = await db.RequestRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Scope == scope && r.RequestId == requestId, ct);
        if (record is null)
        {
            return default;
        }
        if (record.RequestHash != hash)
        {
            throw new RequestValidationException(
                [new FieldViolation("request_id", $"was already used for a different request ({record.Method}); choose a new id for a new request")]);
        }
        var parsed = new TResponse();
        parsed.MergeFrom(record.Response);
        return parsed;
    }
}
