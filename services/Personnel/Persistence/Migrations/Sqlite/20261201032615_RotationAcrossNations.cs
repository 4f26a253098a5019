using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Personnel.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RotationAcrossNations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OutgoingNation",
                table: "rotations",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            // Rotations scheduled before: the outgoing contingent's nation, from the contingent.
            migrationBuilder.Sql(@"UPDATE rotations SET ""OutgoingNation"" = (SELECT c.""Nation"" FROM contingents c WHERE c.""Id"" = rotations.""OutgoingContingentId"");");

            migrationBuilder.CreateIndex(
                name: "IX_rotations_OutgoingNation_Id",
                table: "rotations",
                columns: new[] { "OutgoingNation", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rotations_OutgoingNation_Id",
                table: "rotations");

            migrationBuilder.DropColumn(
                name: "OutgoingNation",
                table: "rotations");
        }
    }
}
