using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Funds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Funds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", nullable: false),
                    MunicipalityCodes = table.Column<string>(type: "TEXT", nullable: false),
                    NamedAfter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DesignatedProject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcceptsDonations = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Funds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Funds_Organizations_HolderOrganizationId",
                        column: x => x.HolderOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Flow = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 0, nullable: false),
                    IsMoney = table.Column<bool>(type: "INTEGER", nullable: false),
                    CounterpartyKind = table.Column<int>(type: "INTEGER", nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CounterpartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProjectTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SibContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PayerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntermediaryOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluatorOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Cap = table.Column<decimal>(type: "TEXT", precision: 16, scale: 0, nullable: false),
                    FixedPayment = table.Column<decimal>(type: "TEXT", precision: 16, scale: 0, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ConcludedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SibContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SibContracts_Organizations_EvaluatorOrganizationId",
                        column: x => x.EvaluatorOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SibContracts_Organizations_IntermediaryOrganizationId",
                        column: x => x.IntermediaryOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SibContracts_Organizations_PayerOrganizationId",
                        column: x => x.PayerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SibContracts_Organizations_ProviderOrganizationId",
                        column: x => x.ProviderOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SibDistributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestorNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 0, nullable: false),
                    DistributedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistributedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SibDistributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SibDistributions_SibContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "SibContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SibInvestors",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 0, nullable: false),
                    LedgerSourceId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SibInvestors", x => new { x.ContractId, x.Number });
                    table.ForeignKey(
                        name: "FK_SibInvestors_SibContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "SibContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SibOutcomes",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RuleKind = table.Column<int>(type: "INTEGER", nullable: false),
                    StepThresholds = table.Column<string>(type: "TEXT", nullable: false),
                    StepAmounts = table.Column<string>(type: "TEXT", nullable: false),
                    Lower = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Upper = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    MaxAmount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 0, nullable: true),
                    Result = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    ResultNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ResultEnteredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResultEnteredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SibOutcomes", x => new { x.ContractId, x.Number });
                    table.ForeignKey(
                        name: "FK_SibOutcomes_SibContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "SibContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SibPayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 0, nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SibPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SibPayments_SibContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "SibContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Funds_HolderOrganizationId",
                table: "Funds",
                column: "HolderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Owner_OwnerId_Kind_SourceId_Flow",
                table: "LedgerEntries",
                columns: new[] { "Owner", "OwnerId", "Kind", "SourceId", "Flow" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Owner_OwnerId_OccurredOn",
                table: "LedgerEntries",
                columns: new[] { "Owner", "OwnerId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_TransferId",
                table: "LedgerEntries",
                column: "TransferId");

            migrationBuilder.CreateIndex(
                name: "IX_SibContracts_EvaluatorOrganizationId",
                table: "SibContracts",
                column: "EvaluatorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SibContracts_IntermediaryOrganizationId",
                table: "SibContracts",
                column: "IntermediaryOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SibContracts_PayerOrganizationId",
                table: "SibContracts",
                column: "PayerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SibContracts_ProviderOrganizationId",
                table: "SibContracts",
                column: "ProviderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SibDistributions_ContractId_Round_InvestorNumber",
                table: "SibDistributions",
                columns: new[] { "ContractId", "Round", "InvestorNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SibInvestors_OrganizationId",
                table: "SibInvestors",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SibPayments_ContractId_Line",
                table: "SibPayments",
                columns: new[] { "ContractId", "Line" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Funds");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "SibDistributions");

            migrationBuilder.DropTable(
                name: "SibInvestors");

            migrationBuilder.DropTable(
                name: "SibOutcomes");

            migrationBuilder.DropTable(
                name: "SibPayments");

            migrationBuilder.DropTable(
                name: "SibContracts");
        }
    }
}
