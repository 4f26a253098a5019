using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Personnel.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CapabilityAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contingent_capabilities",
                columns: table => new
                {
                    ContingentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reduced = table.Column<bool>(type: "boolean", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contingent_capabilities", x => x.ContingentId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contingent_capabilities");
        }
    }
}
