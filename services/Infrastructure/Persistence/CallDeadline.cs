using System.Data.Common;
using Grpc.Core;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coordination.Persistence;

/// <summary>
/// The deadline of the gRPC call a scope serves (none for consumers and the outbox relay). The call's client has
/// given up once it passes, so nothing may be committed after it: the client would be told DEADLINE_EXCEEDED about
/// a change that happened.
/// </summary>
public sealed class CallDeadline(TimeProvider clock)
{
    /// <summary>When the call's client stops waiting, in UTC by the machine's clock (as gRPC reads <c>grpc-timeout</c>).</summary>
    public DateTime At { get; set; } = DateTime.MaxValue;

    /// <summary>Refuses to go on once the deadline has passed by <see cref="Hosting.CallClock"/>.</summary>
    public void ThrowIfPassed()
    {
        if (At != DateTime.MaxValue && clock.GetUtcNow().UtcDateTime >= At)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded,
                "The call's deadline passed before its changes were committed; nothing was stored. Retry with the same request_id."));
        }
    }
}

/// <summary>Checks the call's deadline before each save and before each commit of an explicit transaction: past the
/// deadline the save or the transaction fails and nothing is committed.</summary>
public sealed class CallDeadlineInterceptor(CallDeadline deadline) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        deadline.ThrowIfPassed();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        deadline.ThrowIfPassed();
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        deadline.ThrowIfPassed();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        deadline.ThrowIfPassed();
        return result;
    }
}
