using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Journeys_OrganizationId_Stage",
                table: "Journeys");

            migrationBuilder.CreateTable(
                name: "IndicatorSnapshots",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Figures = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSnapshots", x => new { x.Scope, x.From, x.To });
                });

            migrationBuilder.CreateTable(
                name: "IndicatorVersions",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorVersions", x => x.Scope);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_Occurrence",
                table: "SignUps",
                column: "Occurrence");

            migrationBuilder.CreateIndex(
                name: "IX_Journeys_OrganizationId_LastActivityAt_Activities",
                table: "Journeys",
                columns: new[] { "OrganizationId", "LastActivityAt", "Activities" });

            migrationBuilder.CreateIndex(
                name: "IX_Journeys_OrganizationId_Stage_Activities_LastActivityAt",
                table: "Journeys",
                columns: new[] { "OrganizationId", "Stage", "Activities", "LastActivityAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorSnapshots");

            migrationBuilder.DropTable(
                name: "IndicatorVersions");

            migrationBuilder.DropIndex(
                name: "IX_SignUps_Occurrence",
                table: "SignUps");

            migrationBuilder.DropIndex(
                name: "IX_Journeys_OrganizationId_LastActivityAt_Activities",
                table: "Journeys");

            migrationBuilder.DropIndex(
                name: "IX_Journeys_OrganizationId_Stage_Activities_LastActivityAt",
                table: "Journeys");

            migrationBuilder.CreateIndex(
                name: "IX_Journeys_OrganizationId_Stage",
                table: "Journeys",
                columns: new[] { "OrganizationId", "Stage" });
        }
    }
}
