using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Events;

/// <summary>Every integration event type, by the name the outbox stores.</summary>
public static class EventCatalog
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly FrozenDictionary<string, Type> TypesByName = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(IntegrationEvent)))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static IEnumerable<Type> All => TypesByName.Values;

    public static string NameOf(Type type) =>
        TypesByName.ContainsKey(type.Name) ? type.Name : throw new ArgumentException($"{type} is not an integration event.", nameof(type));

    public static Type? Find(string name) => TypesByName.GetValueOrDefault(name);
}
