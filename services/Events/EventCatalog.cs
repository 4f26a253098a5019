using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Events;

/// <summary>Every integration event type, by the name the outbox stores, and the one service that may publish it.</summary>
public static class EventCatalog
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly FrozenDictionary<string, Type> TypesByName = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(IntegrationEvent)))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>
    /// Who owns each event: the only service whose publications of it consumers accept (docs/events.md, "from").
    /// A new event goes here too; a test fails while one has no owner.
    /// </summary>
    private static readonly FrozenDictionary<Type, string> OwnersByType = new (string Service, Type[] Events)[]
    {
        ("personnel", [typeof(PersonnelPledged), typeof(PledgeLevelChanged), typeof(PledgeWithdrawn), typeof(ContingentRequested), typeof(ContingentDeployed),
            typeof(ContingentRepatriated), typeof(RotationScheduled), typeof(SiteCoverageGap), typeof(ContingentCapabilityChanged)]),
        ("logistics", [typeof(SiteRegistered), typeof(SiteStatusChanged), typeof(InKindPledged), typeof(ShipmentDispatched),
            typeof(ShipmentReceived), typeof(EquipmentInspected), typeof(ServiceabilityBelowThreshold)]),
        ("finance", [typeof(ContributionPledged), typeof(ContributionCommitted), typeof(ContributionPaid), typeof(ContributionSuspended),
            typeof(ContributionReinstated), typeof(ContributionCorrected), typeof(ReimbursementOwed), typeof(FundRunwayLow)]),
        ("diplomacy", [typeof(MandateAdopted), typeof(MandateExtended), typeof(MandateTransitioned), typeof(MandateExpiring),
            typeof(AgreementInForce), typeof(AgreementTerminated), typeof(CommitmentAnnounced), typeof(CommitmentSlipping),
            typeof(AppealIssued)]),
    }.SelectMany(o => o.Events.Select(e => KeyValuePair.Create(e, o.Service))).ToFrozenDictionary();

    public static IEnumerable<Type> All => TypesByName.Values;

    /// <summary>The services that own events.</summary>
    public static IEnumerable<string> Owners => OwnersByType.Values.Distinct();

    public static string NameOf(Type type) =>
        TypesByName.ContainsKey(type.Name) ? type.Name : throw new ArgumentException($"{type} is not an integration event.", nameof(type));

    public static Type? Find(string name) => TypesByName.GetValueOrDefault(name);

    /// <summary>The service that owns an event, or null for a type the catalog gives no owner.</summary>
    public static string? OwnerOf(Type type) => OwnersByType.GetValueOrDefault(type);

    public static IEnumerable<Type> OwnedBy(string service) => OwnersByType.Where(o => o.Value == service).Select(o => o.Key);
}
