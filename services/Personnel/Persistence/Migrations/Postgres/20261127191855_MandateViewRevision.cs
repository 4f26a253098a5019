using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Personnel.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MandateViewRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "mandates",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "mandates");
        }
    }
}
