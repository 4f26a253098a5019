using Coordination.Logistics.V1;
using Coordination.Persistence;

namespace Coordination.Logistics.Catalog;

/// <summary>An item the mission stocks, counted in its unit of issue (a case of 12 meals, a 20-litre jerrycan).</summary>
public sealed class CatalogItem : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string Code { get; private init; } = "";
    public string Name { get; private init; } = "";
    public ItemCategory Category { get; private init; }
    public string UnitOfIssue { get; private init; } = "";
    public int PackSize { get; private init; }
    public string BaseUnit { get; private init; } = "";
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;

    private CatalogItem()
    {
    }

    public static CatalogItem Add(string code, string name, ItemCategory category, string unitOfIssue, int packSize, string baseUnit, Audit audit) => new()
    {
        Code = code,
        Name = name,
        Category = category,
        UnitOfIssue = unitOfIssue,
        PackSize = packSize,
        BaseUnit = baseUnit,
        Audit = audit,
    };

    /// <summary>How the item is named in messages a person reads: "RAT-MRE-12 (Meal ready to eat)".</summary>
    public string Label => $"{Code} ({Name})";
}

/// <summary>A store that holds stock, standing at one site.</summary>
public sealed class Warehouse : IKeyed
{
    public string Id { get; private init; } = Ids.New();
    public string Name { get; private init; } = "";
    public string SiteId { get; private init; } = "";
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;

    private Warehouse()
    {
    }

    public static Warehouse Open(string name, string siteId, Audit audit) => new() { Name = name, SiteId = siteId, Audit = audit };
}
