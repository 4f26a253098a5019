namespace Coordination.Finance.Persistence.Migrations;

/// <summary>The data step of the EquipmentByContingent migration, the same SQL on both providers.</summary>
internal static class EquipmentByContingentSql
{
    /// <summary>
    /// Equipment reimbursement belongs to the nation of the line's contingent, as personnel announced it: logistics once
    /// accepted MOU lines naming another nation, and its inspections carried that nation here.
    /// </summary>
    public const string RestampEquipmentNations = """
        UPDATE coe_inspections SET "Nation" = (SELECT d."Nation" FROM deployments d WHERE d."ContingentId" = coe_inspections."ContingentId")
        WHERE EXISTS (SELECT 1 FROM deployments d
                      WHERE d."ContingentId" = coe_inspections."ContingentId" AND d."Nation" <> '' AND d."Nation" <> coe_inspections."Nation");
        UPDATE reimbursement_accounts SET "Nation" = (SELECT d."Nation" FROM deployments d WHERE d."ContingentId" = reimbursement_accounts."ContingentId")
        WHERE "Kind" = 'EQUIPMENT' AND EXISTS (SELECT 1 FROM deployments d
                      WHERE d."ContingentId" = reimbursement_accounts."ContingentId" AND d."Nation" <> '' AND d."Nation" <> reimbursement_accounts."Nation");
        """;
}
