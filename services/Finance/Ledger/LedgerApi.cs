using Coordination.Auth;
using Coordination.Finance.V1;
using Grpc.Core;

namespace Coordination.Finance.Ledger;

/// <summary>Verification of the finance ledger, for finance officers and mission admins.</summary>
public sealed class LedgerApi(LedgerVerifier verifier) : LedgerService.LedgerServiceBase
{
    public override Task<LedgerVerification> VerifyLedger(VerifyLedgerRequest request, ServerCallContext context)
    {
        return verifier.VerifyAsync(context.CancellationToken);
    }
}
