using Coordination.Errors;
using Coordination.Auth;
using Coordination.Persistence;
using Coordination.Validation;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Requests;

/// <summary>
/// The one write path of every service. A handler first validates the request's shape (every bad field at once, no
/// database), then hands its write to <see cref="ExecuteAsync"/>: the loads, the existence, nation and precondition
/// checks, and the change. The write runs once per client-chosen request id:
/// <list type="bullet">
/// <item>in one transaction with its events and its stored answer (<see cref="RequestLog"/>); the service's
/// <see cref="IWriteGuard"/> goes first in it (finance locks its ledger head) and names the failures it refuses;</item>
/// <item>a retry gets the stored answer and changes nothing. It is answered before it is validated again
/// (<see cref="RequestReplayInterceptor"/>); the write looks the id up itself only when that did not happen;</item>
/// <item>a concurrent call with the same id that commits first wins: its answer is this call's answer, whether this call
/// then lost on the id's unique key or was refused on the state the first one left (a retry racing its own first try);</item>
/// <item>a concurrent call that creates the same row first (any other unique key: a name, a resolution symbol, a stock
/// balance) is a concurrent change like a moved revision: ABORTED (<see cref="DbUpdateConcurrencyException"/>), and a
/// retry with the same id applies on fresh state and gets the precise answer.</item>
/// </list>
/// Called inside a transaction already open (a caller's), the write joins it, and a lost race rolls back to a savepoint
/// taken just before the change, as PostgreSQL would otherwise abort the whole transaction at the failed insert.
/// </summary>
public sealed class Writes(ServiceDbContext db, RequestLog log, IWriteGuard guard)
{
    private const string Savepoint = "request_record";

    public async Task<TResponse> ExecuteAsync<TRequest, TResponse>(
        TRequest request, string requestId, Caller caller, ServerCallContext context, Func<Task<TResponse>> write)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        var v = new Violations();
        v.RequestId(requestId);
        v.ThrowIfAny();
        var key = RequestLog.KeyOf(context.Method, request, requestId, caller);
        var ct = context.CancellationToken;
        try
        {
            return await RunAsync(key, RequestLog.WasLookedUp(context, requestId), write, ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && ServiceDbContext.IsUniqueViolation(e))
        {
            // Rolled back by now. The unique key that stopped the write is this request id (a retry committed first) or a
            // row of the service's own (another call created it first).
            db.ChangeTracker.Clear();
            return await log.AnswerAsync(key, ct) is { } winner
                ? RequestLog.Parse<TResponse>(winner)
                : throw new DbUpdateConcurrencyException("A concurrent change created the same record first; retry with the same request_id.", e);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            // Judged on state a call with this very id may have just changed: a client's retry racing its own first try,
            // which committed after the replay interceptor looked. That call's answer is this call's answer.
            db.ChangeTracker.Clear();
            if (await log.AnswerAsync(key, ct) is { } first)
            {
                return RequestLog.Parse<TResponse>(first);
            }
            throw;
        }
        catch (Exception e) when (guard.Refusal(e) is { } refusal)
        {
            throw refusal;
        }
    }

    private static bool IsRefusal(Exception e) => e is ResourceNotFoundException or ResourceAlreadyExistsException
        or PreconditionFailedException or RequestValidationException or AccessDeniedException or DbUpdateConcurrencyException;

    private async Task<TResponse> RunAsync<TResponse>(RequestKey key, bool lookedUp, Func<Task<TResponse>> write, CancellationToken ct)
        where TResponse : IMessage<TResponse>, new()
    {
        var joined = db.Database.CurrentTransaction;
        await using var owned = joined is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (owned is not null)
        {
            // The write commits or rolls back as a whole: a savepoint of EF Core's own around the save would only cost round trips.
            db.Database.AutoSavepointsEnabled = false;
        }
        await guard.EnterAsync(ct);
        if (!lookedUp && await log.AnswerAsync(key, ct) is { } earlier)
        {
            return RequestLog.Parse<TResponse>(earlier);
        }
        if (joined is not null)
        {
            await joined.CreateSavepointAsync(Savepoint, ct);
        }
        var response = await write();
        log.Add(key, response);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (joined is not null && ServiceDbContext.IsUniqueViolation(e))
        {
            await joined.RollbackToSavepointAsync(Savepoint, ct);
            throw;
        }
        if (owned is not null)
        {
            await owned.CommitAsync(ct);
        }
        return response;
    }
}
