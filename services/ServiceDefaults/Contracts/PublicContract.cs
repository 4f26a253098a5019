using System.Reflection;
using Google.Protobuf.Reflection;

namespace Coordination.Contracts;

/// <summary>The RPCs of the public contracts (<c>protos/</c>), read from their compiled descriptors, not from a list kept by hand.</summary>
public static class PublicContract
{
    /// <summary>Every method of every <c>coordination.*</c> service, in a stable order.</summary>
    public static IReadOnlyList<MethodDescriptor> Methods { get; } = typeof(Personnel.V1.OfficerService).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(f => f.Package.StartsWith("coordination.", StringComparison.Ordinal))
        .SelectMany(f => f.Services)
        .SelectMany(s => s.Methods)
        .OrderBy(m => m.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>The gRPC services of the contract (<c>coordination.personnel.v1.ContingentService</c>, …), in a stable order.</summary>
    public static IReadOnlyList<ServiceDescriptor> GrpcServices { get; } = Methods.Select(m => m.Service).DistinctBy(s => s.FullName).ToList();

    /// <summary>The services that serve the contract, named by their packages (personnel, logistics, …), in a stable order.</summary>
    public static IReadOnlyList<string> Services { get; } = Methods.Select(ServiceOf).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The HTTP/2 path of a method: <c>/coordination.personnel.v1.OfficerService/RegisterOfficer</c>.</summary>
    public static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    /// <summary>The service that serves a method, named by its package: <c>coordination.personnel.v1</c> → personnel.</summary>
    public static string ServiceOf(MethodDescriptor method) => method.File.Package.Split('.')[1];
}
