using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.Personnel;

public sealed class PersonnelFixture() : ServiceFixture("personnel");
