using Coordination.Contracts;
using Grpc.Reflection;
using Grpc.Reflection.V1Alpha;

namespace Coordination.Gateway;

/// <summary>
/// gRPC server reflection (<c>grpc.reflection.v1alpha.ServerReflection</c>) for the whole public contract, answered
/// by the gateway itself from the descriptors compiled from <c>protos/</c>, not forwarded to a service: so
/// <c>grpcurl -plaintext 127.0.0.1:8080 list</c> and <c>describe</c> show every service partners may call, and only
/// those (not the services' health or the gateway's own). No token is needed: the contract is public (partners compile
/// it from protos/), and reflection reads nothing of the mission's data. grpcurl asks v1 first and falls back to
/// v1alpha on its UNIMPLEMENTED.
/// </summary>
public sealed class ContractReflection() : ReflectionServiceImpl([.. PublicContract.GrpcServices, ServerReflection.Descriptor])
{
    /// <summary>The reflection service's path prefix, served without a token.</summary>
    public const string PathPrefix = "/grpc.reflection.v1alpha.ServerReflection/";
}
