using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Diplomacy.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CapabilitySequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "contingent_capabilities");

            migrationBuilder.AddColumn<bool>(
                name: "Repatriated",
                table: "contingent_capabilities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "contingent_capabilities",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Repatriated",
                table: "contingent_capabilities");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "contingent_capabilities");

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "contingent_capabilities",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));
        }
    }
}
