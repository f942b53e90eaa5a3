using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InsightsParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CollectiveInitiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Problem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Goal = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TheoryOfChange = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Cadence = table.Column<int>(type: "integer", nullable: false),
                    Municipalities = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    BackboneOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LogicModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunicationIntervalDays = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveInitiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectiveInitiatives_LogicModels_LogicModelId",
                        column: x => x.LogicModelId,
                        principalTable: "LogicModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CollectiveInitiatives_Organizations_BackboneOrganizationId",
                        column: x => x.BackboneOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NetworkTies",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OtherOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    RefreshedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkTies", x => new { x.OrganizationId, x.OtherOrganizationId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "CollectiveActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IndicatorIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectiveActivities_CollectiveInitiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "CollectiveInitiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CollectiveIndicators",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveIndicators", x => new { x.InitiativeId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_CollectiveIndicators_CollectiveInitiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "CollectiveInitiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollectiveIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CollectiveLogEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OrganizationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    NextDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveLogEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectiveLogEntries_CollectiveInitiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "CollectiveInitiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CollectivePartners",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectivePartners", x => new { x.InitiativeId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_CollectivePartners_CollectiveInitiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "CollectiveInitiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollectivePartners_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CollectiveReminders",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveReminders", x => new { x.InitiativeId, x.OrganizationId, x.PeriodStart });
                    table.ForeignKey(
                        name: "FK_CollectiveReminders_CollectiveInitiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "CollectiveInitiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CollectiveSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Corrections = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectiveSubmissions_CollectiveInitiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "CollectiveInitiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollectiveSubmissions_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveActivities_InitiativeId",
                table: "CollectiveActivities",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveIndicators_IndicatorId",
                table: "CollectiveIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveInitiatives_BackboneOrganizationId",
                table: "CollectiveInitiatives",
                column: "BackboneOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveInitiatives_LogicModelId",
                table: "CollectiveInitiatives",
                column: "LogicModelId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveLogEntries_InitiativeId_Date",
                table: "CollectiveLogEntries",
                columns: new[] { "InitiativeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectivePartners_OrganizationId",
                table: "CollectivePartners",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveSubmissions_IndicatorId",
                table: "CollectiveSubmissions",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveSubmissions_InitiativeId_OrganizationId_Indicator~",
                table: "CollectiveSubmissions",
                columns: new[] { "InitiativeId", "OrganizationId", "IndicatorId", "PeriodStart" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CollectiveActivities");

            migrationBuilder.DropTable(
                name: "CollectiveIndicators");

            migrationBuilder.DropTable(
                name: "CollectiveLogEntries");

            migrationBuilder.DropTable(
                name: "CollectivePartners");

            migrationBuilder.DropTable(
                name: "CollectiveReminders");

            migrationBuilder.DropTable(
                name: "CollectiveSubmissions");

            migrationBuilder.DropTable(
                name: "NetworkTies");

            migrationBuilder.DropTable(
                name: "CollectiveInitiatives");
        }
    }
}
