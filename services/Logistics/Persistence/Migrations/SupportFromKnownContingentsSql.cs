namespace Coordination.Logistics.Persistence.Migrations;

/// <summary>The data steps of the SupportFromKnownContingents migration, the same SQL on both providers.</summary>
internal static class SupportFromKnownContingentsSql
{
    /// <summary>
    /// What the support plans knew (site, planned tour end, officers in and out) moves to the contingents they are about,
    /// before those tables go: plans and site support are read from the known contingents from now on. A contingent
    /// whose deployment reached known_contingents but not yet its plan takes its officer count.
    /// </summary>
    public const string MoveSupportToKnownContingents = """
        UPDATE known_contingents SET
          "SiteId" = (SELECT p."SiteId" FROM support_plans p WHERE p."ContingentId" = known_contingents."Id"),
          "PlannedTourEnd" = (SELECT p."EndsOn" FROM support_plans p WHERE p."ContingentId" = known_contingents."Id"),
          "DeployedOfficers" = (SELECT p."Officers" FROM support_plans p WHERE p."ContingentId" = known_contingents."Id"),
          "RepatriatedOfficers" = (SELECT p."OutboundMovement" FROM support_plans p WHERE p."ContingentId" = known_contingents."Id")
        WHERE EXISTS (SELECT 1 FROM support_plans p WHERE p."ContingentId" = known_contingents."Id");
        UPDATE known_contingents SET "DeployedOfficers" = "OfficerCount" WHERE "DeployedOn" IS NOT NULL AND "DeployedOfficers" = 0;
        """;

    /// <summary>
    /// An MOU line carries its contingent's nation (an earlier version accepted any nation on a line, and that nation's
    /// contributor then read it); a line already inspected out at repatriation is closed from that day.
    /// </summary>
    public const string RestampAndCloseEquipmentLines = """
        UPDATE equipment_lines SET "Nation" = (SELECT k."Nation" FROM known_contingents k WHERE k."Id" = equipment_lines."ContingentId")
        WHERE EXISTS (SELECT 1 FROM known_contingents k
                      WHERE k."Id" = equipment_lines."ContingentId" AND k."Nation" <> '' AND k."Nation" <> equipment_lines."Nation");
        UPDATE equipment_lines SET "ClosedOn" = (SELECT MIN(i."InspectedOn") FROM equipment_inspections i
                                                 WHERE i."EquipmentLineId" = equipment_lines."Id" AND i."Kind" = 'Repatriation')
        WHERE EXISTS (SELECT 1 FROM equipment_inspections i WHERE i."EquipmentLineId" = equipment_lines."Id" AND i."Kind" = 'Repatriation');
        """;
}
