using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImpactEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LogicModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<int>(type: "integer", nullable: false),
                    PilotId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NextSteps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    TemplateKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ShareToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogicModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogicModels_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LogicModels_CollaborationPilots_PilotId",
                        column: x => x.PilotId,
                        principalTable: "CollaborationPilots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LogicModels_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LogicModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    FrozenBy = table.Column<Guid>(type: "uuid", nullable: true),
                    FrozenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationSnapshots_AspNetUsers_FrozenBy",
                        column: x => x.FrozenBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EvaluationSnapshots_LogicModels_LogicModelId",
                        column: x => x.LogicModelId,
                        principalTable: "LogicModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactMaps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LogicModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    DiscountRate = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    PercentStep = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    ProxyStep = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Investments = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactMaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactMaps_LogicModels_LogicModelId",
                        column: x => x.LogicModelId,
                        principalTable: "LogicModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LogicModelElements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LogicModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogicModelElements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogicModelElements_LogicModels_LogicModelId",
                        column: x => x.LogicModelId,
                        principalTable: "LogicModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LogicModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ElementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Definition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    Baseline = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    BaselineDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<int>(type: "integer", nullable: true),
                    Stage = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Targets = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_LogicModelElements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "LogicModelElements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Indicators_LogicModels_LogicModelId",
                        column: x => x.LogicModelId,
                        principalTable: "LogicModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LogicModelLinks",
                columns: table => new
                {
                    LogicModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogicModelLinks", x => new { x.LogicModelId, x.FromId, x.ToId });
                    table.ForeignKey(
                        name: "FK_LogicModelLinks_LogicModelElements_FromId",
                        column: x => x.FromId,
                        principalTable: "LogicModelElements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LogicModelLinks_LogicModelElements_ToId",
                        column: x => x.ToId,
                        principalTable: "LogicModelElements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LogicModelLinks_LogicModels_LogicModelId",
                        column: x => x.LogicModelId,
                        principalTable: "LogicModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ImpactMapId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Stakeholder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Proxy = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    ProxySource = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DurationYears = table.Column<int>(type: "integer", nullable: false),
                    Deadweight = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    Displacement = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    Attribution = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    DropOff = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactOutcomes_ImpactMaps_ImpactMapId",
                        column: x => x.ImpactMapId,
                        principalTable: "ImpactMaps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactOutcomes_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Measurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Respondents = table.Column<int>(type: "integer", nullable: true),
                    EvidenceFileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EvidenceSize = table.Column<long>(type: "bigint", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measurements_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Measurements_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasurementEvidence",
                columns: table => new
                {
                    MeasurementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurementEvidence", x => x.MeasurementId);
                    table.ForeignKey(
                        name: "FK_MeasurementEvidence_Measurements_MeasurementId",
                        column: x => x.MeasurementId,
                        principalTable: "Measurements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationSnapshots_FrozenBy",
                table: "EvaluationSnapshots",
                column: "FrozenBy");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationSnapshots_LogicModelId_Phase",
                table: "EvaluationSnapshots",
                columns: new[] { "LogicModelId", "Phase" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactMaps_LogicModelId",
                table: "ImpactMaps",
                column: "LogicModelId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactOutcomes_ImpactMapId_Order",
                table: "ImpactOutcomes",
                columns: new[] { "ImpactMapId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactOutcomes_IndicatorId",
                table: "ImpactOutcomes",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ElementId",
                table: "Indicators",
                column: "ElementId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_LogicModelId",
                table: "Indicators",
                column: "LogicModelId");

            migrationBuilder.CreateIndex(
                name: "IX_LogicModelElements_LogicModelId_Kind_Order",
                table: "LogicModelElements",
                columns: new[] { "LogicModelId", "Kind", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_LogicModelLinks_FromId",
                table: "LogicModelLinks",
                column: "FromId");

            migrationBuilder.CreateIndex(
                name: "IX_LogicModelLinks_ToId",
                table: "LogicModelLinks",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_LogicModels_CreatedBy",
                table: "LogicModels",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_LogicModels_OrganizationId",
                table: "LogicModels",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LogicModels_PilotId",
                table: "LogicModels",
                column: "PilotId");

            migrationBuilder.CreateIndex(
                name: "IX_LogicModels_ShareToken",
                table: "LogicModels",
                column: "ShareToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_IndicatorId_Date",
                table: "Measurements",
                columns: new[] { "IndicatorId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_RecordedBy",
                table: "Measurements",
                column: "RecordedBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationSnapshots");

            migrationBuilder.DropTable(
                name: "ImpactOutcomes");

            migrationBuilder.DropTable(
                name: "LogicModelLinks");

            migrationBuilder.DropTable(
                name: "MeasurementEvidence");

            migrationBuilder.DropTable(
                name: "ImpactMaps");

            migrationBuilder.DropTable(
                name: "Measurements");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "LogicModelElements");

            migrationBuilder.DropTable(
                name: "LogicModels");
        }
    }
}
