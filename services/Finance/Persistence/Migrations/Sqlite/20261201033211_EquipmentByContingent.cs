using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Finance.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EquipmentByContingent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_coe_inspections_ContingentId",
                table: "coe_inspections",
                column: "ContingentId");

            migrationBuilder.Sql(EquipmentByContingentSql.RestampEquipmentNations);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_coe_inspections_ContingentId",
                table: "coe_inspections");
        }
    }
}
