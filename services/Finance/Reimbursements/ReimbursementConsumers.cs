using Coordination.Events;
using Coordination.Finance.Persistence;
using Coordination.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Reimbursements;

/// <summary>A contingent on duty starts accruing personnel reimbursement for its nation.</summary>
public sealed class ContingentDeployedConsumer(FinanceDbContext db, ReimbursementClaims claims, ILogger<ContingentDeployedConsumer> logger)
    : IdempotentConsumer<ContingentDeployed>(db, logger)
{
    protected override async Task HandleAsync(ContingentDeployed message, CancellationToken ct)
    {
        var deployment = await Deployments.GetAsync(db, message.SubjectId, ct);
        deployment.Nation = message.Nation ?? "";
        deployment.OfficerCount = message.OfficerCount;
        deployment.DeployedOn = message.DeployedOn;
        deployment.Revision++;
        await claims.SettleAsync(deployment, ct);
    }
}

/// <summary>A repatriated contingent stops accruing; what its deployment is owed is announced.</summary>
public sealed class ContingentRepatriatedConsumer(FinanceDbContext db, ReimbursementClaims claims, ILogger<ContingentRepatriatedConsumer> logger)
    : IdempotentConsumer<ContingentRepatriated>(db, logger)
{
    protected override async Task HandleAsync(ContingentRepatriated message, CancellationToken ct)
    {
        var deployment = await Deployments.GetAsync(db, message.SubjectId, ct);
        deployment.Nation = message.Nation ?? "";
        if (deployment.DeployedOn is null)
        {
            deployment.OfficerCount = message.OfficerCount; // the deployment event, still on its way, will say how many went
        }
        deployment.RepatriatedOn = message.RepatriatedOn;
        deployment.Revision++;
        await claims.SettleAsync(deployment, ct);
    }
}

/// <summary>An inspection of contingent-owned equipment starts a new stretch of its reimbursement.</summary>
public sealed class EquipmentInspectedConsumer(FinanceDbContext db, ReimbursementClaims claims, ILogger<EquipmentInspectedConsumer> logger)
    : IdempotentConsumer<EquipmentInspected>(db, logger)
{
    protected override async Task HandleAsync(EquipmentInspected message, CancellationToken ct)
    {
        var inspection = await Inspections.GetAsync(db, message.InspectionId, ct);
        inspection.LineId = message.SubjectId;
        inspection.ContingentId = message.ContingentId;
        inspection.Nation = message.Nation ?? "";
        inspection.Kind = message.Kind;
        inspection.LeaseType = message.LeaseType;
        inspection.Quantity = message.Quantity;
        inspection.ServiceabilityPercent = message.ServiceabilityPercent;
        inspection.InspectedOn = message.InspectedOn;
        inspection.Detailed = true;
        inspection.Revision++;
        await claims.SettleAsync(inspection, ct);
    }
}

/// <summary>A wet-lease line found below threshold is reimbursed at its serviceability until its next inspection.</summary>
public sealed class ServiceabilityBelowThresholdConsumer(FinanceDbContext db, ReimbursementClaims claims, ILogger<ServiceabilityBelowThresholdConsumer> logger)
    : IdempotentConsumer<ServiceabilityBelowThreshold>(db, logger)
{
    protected override async Task HandleAsync(ServiceabilityBelowThreshold message, CancellationToken ct)
    {
        var inspection = await Inspections.GetAsync(db, message.InspectionId, ct);
        inspection.LineId = message.SubjectId;
        inspection.ContingentId = message.ContingentId;
        inspection.Nation = message.Nation ?? "";
        inspection.ServiceabilityPercent = message.ServiceabilityPercent;
        inspection.InspectedOn = message.InspectedOn;
        inspection.BelowThreshold = true;
        inspection.Revision++;
        await claims.SettleAsync(inspection, ct);
    }
}

/// <summary>
/// A scheduled relief in place accrues its overlap: the incoming contingent's officers for the days both contingents are
/// on duty, at the personnel rate, for the incoming contingent's nation. Once per rotation.
/// </summary>
public sealed class RotationScheduledConsumer(FinanceDbContext db, ILogger<RotationScheduledConsumer> logger)
    : IdempotentConsumer<RotationScheduled>(db, logger)
{
    protected override async Task HandleAsync(RotationScheduled message, CancellationToken ct)
    {
        if (message.OverlapDays <= 0 || message.IncomingOfficerCount <= 0
            || await db.RotationOverlaps.AnyAsync(r => r.RotationId == message.SubjectId, ct))
        {
            return; // no overlap to accrue, or this rotation's is accrued already
        }
        db.RotationOverlaps.Add(new RotationOverlap
        {
            RotationId = message.SubjectId,
            Nation = message.Nation ?? "",
            IncomingContingentId = message.IncomingContingentId,
            OutgoingContingentId = message.OutgoingContingentId,
            SiteId = message.SiteId,
            IncomingOfficerCount = message.IncomingOfficerCount,
            IncomingArrivesOn = message.IncomingArrivesOn,
            OverlapDays = message.OverlapDays,
            ScheduledAt = message.OccurredAt,
        });
    }
}

internal static class Deployments
{
    public static async Task<Deployment> GetAsync(FinanceDbContext db, string contingentId, CancellationToken ct)
    {
        var deployment = await db.Deployments.FindAsync([contingentId], ct);
        if (deployment is null)
        {
            deployment = new Deployment { ContingentId = contingentId };
            db.Deployments.Add(deployment);
        }
        return deployment;
    }
}

internal static class Inspections
{
    public static async Task<CoeInspection> GetAsync(FinanceDbContext db, string inspectionId, CancellationToken ct)
    {
        var inspection = await db.CoeInspections.FindAsync([inspectionId], ct);
        if (inspection is null)
        {
            inspection = new CoeInspection { InspectionId = inspectionId };
            db.CoeInspections.Add(inspection);
        }
        return inspection;
    }
}
