using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Logistics.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TourLengthEnds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "IncomingTourLengthEnd",
                table: "scheduled_rotations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TourLengthEnd",
                table: "known_contingents",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IncomingTourLengthEnd",
                table: "scheduled_rotations");

            migrationBuilder.DropColumn(
                name: "TourLengthEnd",
                table: "known_contingents");
        }
    }
}
