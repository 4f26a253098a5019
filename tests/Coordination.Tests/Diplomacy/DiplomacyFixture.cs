using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Diplomacy;

public sealed class DiplomacyFixture() : ServiceFixture("diplomacy");
