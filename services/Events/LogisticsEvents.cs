namespace Coordination.Events;

/// <summary>A critical site's security status changed. Subject: the site id.</summary>
public sealed record SiteStatusChanged : IntegrationEvent
{
    public required string SiteName { get; init; }
    /// <summary>CONTESTED, RECAPTURED, SECURED or LOST.</summary>
    public required string PreviousStatus { get; init; }
    public required string Status { get; init; }
    public required string Reason { get; init; }
    /// <summary>Officers the site needs on duty; null in events published before the field was added.</summary>
    public int? RequiredPosture { get; init; }
}

/// <summary>A critical site was registered. Subject: the site id.</summary>
public sealed record SiteRegistered : IntegrationEvent
{
    public required string SiteName { get; init; }
    /// <summary>CONTESTED, RECAPTURED, SECURED or LOST.</summary>
    public required string Status { get; init; }
    /// <summary>Officers the site needs on duty.</summary>
    public required int RequiredPosture { get; init; }
}

/// <summary>
/// A partner nation pledged goods in kind against a requisition line. Subject: the pledge id; nation: the pledging
/// nation. The declared value is always given in its own currency; <see cref="UsdCents"/> only when that is USD.
/// </summary>
public sealed record InKindPledged : IntegrationEvent
{
    public required string RequisitionId { get; init; }
    public required string RequisitionLineId { get; init; }
    public required string ItemId { get; init; }
    /// <summary>Units of issue pledged.</summary>
    public required int Quantity { get; init; }
    /// <summary>ISO 4217 code of the declared value.</summary>
    public required string Currency { get; init; }
    /// <summary>The declared value in minor units of <see cref="Currency"/>.</summary>
    public required long AmountMinorUnits { get; init; }
    /// <summary>The declared value in US cents when <see cref="Currency"/> is USD; null otherwise (logistics keeps no exchange rates).</summary>
    public long? UsdCents { get; init; }
}

/// <summary>A shipment left its origin warehouse. Subject: the shipment id.</summary>
public sealed record ShipmentDispatched : IntegrationEvent
{
    public required string OriginWarehouseId { get; init; }
    public required string OriginSiteId { get; init; }
    public required string DestinationSiteId { get; init; }
    public required string Carrier { get; init; }
    public required string WaybillNumber { get; init; }
    public required DateTime Eta { get; init; }
    /// <summary>True when the destination site was not SECURED at dispatch.</summary>
    public required bool EscortRequired { get; init; }
    public required int LineCount { get; init; }
    /// <summary>Units of issue shipped over all lines.</summary>
    public required long TotalQuantity { get; init; }
    /// <summary>The carrier's freight charge in US cents; null when none was recorded (and in events sent before it was added).</summary>
    public long? FreightUsdCents { get; init; }
    /// <summary>The value of the goods shipped in US cents; null when none was recorded (and in older events).</summary>
    public long? GoodsValueUsdCents { get; init; }
}

/// <summary>A shipment's receipt was recorded. Subject: the shipment id.</summary>
public sealed record ShipmentReceived : IntegrationEvent
{
    public required string DestinationSiteId { get; init; }
    public required string ReceivingWarehouseId { get; init; }
    public required string WaybillNumber { get; init; }
    /// <summary>FULL, PARTIAL, DAMAGED or PARTIAL_AND_DAMAGED.</summary>
    public required string Condition { get; init; }
    public required long ShippedQuantity { get; init; }
    /// <summary>Units that arrived, damaged or not.</summary>
    public required long ReceivedQuantity { get; init; }
    public required long DamagedQuantity { get; init; }
    public required long MissingQuantity { get; init; }
    /// <summary>The value in US cents of the damaged and missing units, to be written off; null when the shipment's goods carry no value (and in older events).</summary>
    public long? WrittenOffUsdCents { get; init; }
}

/// <summary>Contingent-owned equipment was inspected. Subject: the MOU line id; nation: the contributing nation.</summary>
public sealed record EquipmentInspected : IntegrationEvent
{
    public required string ContingentId { get; init; }
    public required string InspectionId { get; init; }
    /// <summary>ARRIVAL, PERIODIC or REPATRIATION.</summary>
    public required string Kind { get; init; }
    /// <summary>WET or DRY.</summary>
    public required string LeaseType { get; init; }
    public required int Quantity { get; init; }
    public required int ServiceabilityPercent { get; init; }
    public required DateOnly InspectedOn { get; init; }
    /// <summary>The line is below the serviceability it must keep (ServiceabilityBelowThreshold says so too, with the threshold).</summary>
    public bool BelowThreshold { get; init; }
}

/// <summary>
/// A wet-lease MOU line was found below the serviceability it must keep (90%), which reduces what the mission
/// reimburses. Subject: the MOU line id; nation: the contributing nation.
/// </summary>
public sealed record ServiceabilityBelowThreshold : IntegrationEvent
{
    public required string ContingentId { get; init; }
    public required string InspectionId { get; init; }
    public required int ServiceabilityPercent { get; init; }
    public required int ThresholdPercent { get; init; }
    public required DateOnly InspectedOn { get; init; }
}
