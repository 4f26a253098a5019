using Coordination.Contracts;
using Coordination.Auth;
using Coordination.Errors;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel.Officers;

/// <summary>
/// gRPC surface of officers. Officers carry personal data: only a contributor of their nation and a mission-admin read
/// or change them; every other role is refused before anything is looked up. A contributor declares its officers and
/// their national certification; the other vetting stages and the screening are the mission's.
/// </summary>
public sealed class OfficersApi(PersonnelDbContext db, Writes writes, RosterImport rosters, TimeProvider time)
    : OfficerService.OfficerServiceBase
{
    public override async Task<V1.Officer> RegisterOfficer(RegisterOfficerRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        if (OfficerRecords.MissionActs(request.Officer, "officer.") is [var act, ..])
        {
            caller.RequireMission($"register an officer with {act.Field} given ({act.Description})");
        }
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.NationCode(request.NationCode, "nation_code");
        var draft = OfficerRecords.Read(request.Officer, v, time.Today(), "officer.");
        v.ThrowIfAny();
        caller.RequireNation(request.NationCode, "register officers");

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            if (await db.Officers.AnyAsync(o => o.Nation == request.NationCode && o.ServiceNumber == draft!.ServiceNumber, context.CancellationToken))
            {
                throw AlreadyRegistered(request.NationCode, draft!.ServiceNumber);
            }
            var officer = Officer.Register(request.NationCode, draft!, Audit.Created(caller, request.RequestId, time.UtcNow()));
            db.Officers.Add(officer);
            return officer.ToProto();
        });
    }

    public override async Task<V1.Officer> GetOfficer(GetOfficerRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var officer = await FindAsync(request.Id, tracked: false, context.CancellationToken);
        caller.RequireNation(officer.Nation, "read officers");
        return officer.ToProto();
    }

    public override async Task<ListOfficersResponse> ListOfficers(ListOfficersRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        if (request.NationCode.Length > 0)
        {
            v.NationCode(request.NationCode, "nation_code");
        }
        v.OptionalId(request.ContingentId, "contingent_id");
        v.ThrowIfAny();
        var nation = caller.NationScope(request.NationCode, "list the officers");
        var query = db.Officers.AsNoTracking().Include(o => o.Qualifications).AsQueryable();
        if (nation.Length > 0)
        {
            query = query.Where(o => o.Nation == nation);
        }
        if (request.Status != OfficerStatus.Unspecified)
        {
            query = query.Where(o => o.Status == request.Status);
        }
        if (request.ContingentId.Length > 0)
        {
            query = query.Where(o => o.ContingentId == request.ContingentId);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListOfficersResponse { Officers = { items.Select(o => o.ToProto()) }, Page = page };
    }

    public override Task ImportRoster(IAsyncStreamReader<ImportRosterRequest> requestStream, IServerStreamWriter<ImportRosterProgress> responseStream,
        ServerCallContext context) =>
        rosters.RunAsync(requestStream, responseStream, Caller.From(context), context.CancellationToken);

    public override async Task<V1.Officer> RecordVettingResult(RecordVettingResultRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.OfficerId, "officer_id");
        var entry = OfficerRecords.ReadVettingResult(request.Result, v, time.Today(), "result.");
        v.ThrowIfAny();
        if (!Vetting.NationRecords(entry!.Stage))
        {
            caller.RequireMission($"record the {ProtoEnumNames.Of(entry.Stage)} vetting stage (a nation records only {ProtoEnumNames.Of(VettingStage.NationCertification)})");
        }

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var officer = await ManagedAsync(request.OfficerId, caller, "record vetting", context.CancellationToken);
            OfficerDays(officer, entry!.On, "result.on");
            officer.RecordVetting(entry, caller, request.RequestId, time.UtcNow());
            return officer.ToProto();
        });
    }

    public override async Task<V1.Officer> RecordHumanRightsScreening(RecordHumanRightsScreeningRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.OfficerId, "officer_id");
        var screening = OfficerRecords.ReadScreening(request.Screening, v, time.Today(), "screening.");
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var officer = await ManagedAsync(request.OfficerId, caller, "record screenings", context.CancellationToken);
            OfficerDays(officer, screening!.Value.On, "screening.on");
            officer.RecordScreening(screening.Value.Result, screening.Value.On, caller, request.RequestId, time.UtcNow());
            return officer.ToProto();
        });
    }

    public override async Task<V1.Officer> RecordQualification(RecordQualificationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.OfficerId, "officer_id");
        var draft = OfficerRecords.ReadQualification(request.Qualification, v, time.Today(), "qualification.");
        v.ThrowIfAny();

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var officer = await ManagedAsync(request.OfficerId, caller, "record qualifications", context.CancellationToken);
            OfficerDays(officer, draft!.ObtainedOn, "qualification.obtained_on");
            if (officer.RecordQualification(draft, caller, request.RequestId, time.UtcNow()) is { } replaced)
            {
                db.Remove(replaced);
            }
            return officer.ToProto();
        });
    }

    private async Task<Officer> ManagedAsync(string id, Caller caller, string action, CancellationToken ct)
    {
        var officer = await FindAsync(id, tracked: true, ct);
        caller.RequireNation(officer.Nation, action);
        return officer;
    }

    /// <summary>A day of the officer's record comes after their 18th birthday (their birth is known only once they are read).</summary>
    private static void OfficerDays(Officer officer, DateOnly day, string field)
    {
        var v = new Violations();
        v.AsAdult(day, officer.DateOfBirth, field);
        v.ThrowIfAny();
    }

    private async Task<Officer> FindAsync(string id, bool tracked, CancellationToken ct)
    {
        var v = new Violations();
        v.Id(id);
        v.ThrowIfAny();
        var query = db.Officers.Include(o => o.Qualifications).AsQueryable();
        if (!tracked)
        {
            query = query.AsNoTracking();
        }
        return await query.GetAsync(id, "officer", ct);
    }

    private static ResourceAlreadyExistsException AlreadyRegistered(string nation, string serviceNumber) =>
        new("officer", $"{nation}/{serviceNumber}", $"An officer of {nation} with service number {serviceNumber} is already registered.");
}
