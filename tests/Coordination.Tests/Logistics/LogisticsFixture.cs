using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Logistics;

public sealed class LogisticsFixture() : ServiceFixture("logistics");
