using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tsunagari.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Funds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DonationSettings",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BankName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BranchName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AccountType = table.Column<int>(type: "integer", nullable: false),
                    AccountNumber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AccountHolder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceiptIssuer = table.Column<int>(type: "integer", nullable: false),
                    CertificationNumber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CertifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificationEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IssuerAddress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Representative = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DonationSettings", x => x.OrganizationId);
                    table.ForeignKey(
                        name: "FK_DonationSettings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Funds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Fields = table.Column<List<int>>(type: "integer[]", nullable: false),
                    MunicipalityCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    NamedAfter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DesignatedProject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AcceptsDonations = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Owner = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Flow = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    IsMoney = table.Column<bool>(type: "boolean", nullable: false),
                    CounterpartyKind = table.Column<int>(type: "integer", nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    CounterpartyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProjectTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TransferId = table.Column<Guid>(type: "uuid", nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SibContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PayerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntermediaryOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluatorOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Cap = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    FixedPayment = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ConcludedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FundId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    GoalAmount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: true),
                    GoalPeople = table.Column<int>(type: "integer", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Campaigns_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Budget = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    MaxPerGrant = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EligibleLegalForms = table.Column<int[]>(type: "integer[]", nullable: false),
                    EligibleMunicipalities = table.Column<List<string>>(type: "text[]", nullable: false),
                    EligibleFields = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Questions = table.Column<List<string>>(type: "text[]", nullable: false),
                    Criteria = table.Column<List<string>>(type: "text[]", nullable: false),
                    EvaluationPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantProgrammes_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SibDistributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    InvestorNumber = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    DistributedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    DistributedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Number = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    LedgerSourceId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Number = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RuleKind = table.Column<int>(type: "integer", nullable: false),
                    StepThresholds = table.Column<List<decimal>>(type: "numeric[]", nullable: false),
                    StepAmounts = table.Column<List<decimal>>(type: "numeric[]", nullable: false),
                    Lower = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Upper = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    MaxAmount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: true),
                    Result = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    ResultNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ResultEnteredBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ResultEnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "DonationPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: true),
                    FundId = table.Column<Guid>(type: "uuid", nullable: true),
                    DonorId = table.Column<Guid>(type: "uuid", nullable: true),
                    DonorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DonorAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Designation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    NameShownToOrganization = table.Column<bool>(type: "boolean", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    LastMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DonationPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DonationPlans_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DonationPlans_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DonationPlans_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RequestedAmount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: true),
                    Answers = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantApplications_GrantProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "GrantProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantApplications_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantEvaluationCosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PaidTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantEvaluationCosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantEvaluationCosts_GrantProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "GrantProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantFundings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantFundings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantFundings_GrantProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "GrantProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantReviewers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantReviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantReviewers_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GrantReviewers_GrantProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "GrantProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Donations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: true),
                    FundId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: true),
                    InstalmentMonth = table.Column<DateOnly>(type: "date", nullable: true),
                    DonorId = table.Column<Guid>(type: "uuid", nullable: true),
                    DonorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DonorAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    InKindDescription = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Designation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    NameShownToOrganization = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    BankTransactionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Donations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Donations_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Donations_DonationPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "DonationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Donations_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Donations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantAttachments_GrantApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "GrantApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantAwards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FundId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AwardedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    LogicModelId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantAwards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantAwards_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantAwards_GrantApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "GrantApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConflictDeclared = table.Column<bool>(type: "boolean", nullable: false),
                    ConflictNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Scores = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantReviews_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GrantReviews_GrantApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "GrantApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DonationReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DonationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DonorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuerKind = table.Column<int>(type: "integer", nullable: false),
                    CertificationNumber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CertifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IssuerAddress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Representative = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DonorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DonorAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReissueCount = table.Column<int>(type: "integer", nullable: false),
                    LastReissuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DonationReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DonationReceipts_Donations_DonationId",
                        column: x => x.DonationId,
                        principalTable: "Donations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantInstalments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AwardId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaidBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantInstalments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantInstalments_GrantAwards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "GrantAwards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AwardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Spent = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: true),
                    SubmittedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantReports_GrantAwards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "GrantAwards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_FundId",
                table: "Campaigns",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_OrganizationId",
                table: "Campaigns",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DonationPlans_CampaignId",
                table: "DonationPlans",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_DonationPlans_DonorId",
                table: "DonationPlans",
                column: "DonorId");

            migrationBuilder.CreateIndex(
                name: "IX_DonationPlans_FundId",
                table: "DonationPlans",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_DonationPlans_OrganizationId",
                table: "DonationPlans",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DonationPlans_Reference",
                table: "DonationPlans",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DonationReceipts_DonationId",
                table: "DonationReceipts",
                column: "DonationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DonationReceipts_DonorId",
                table: "DonationReceipts",
                column: "DonorId");

            migrationBuilder.CreateIndex(
                name: "IX_DonationReceipts_OrganizationId_Year_Sequence",
                table: "DonationReceipts",
                columns: new[] { "OrganizationId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Donations_CampaignId",
                table: "Donations",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_DonorId",
                table: "Donations",
                column: "DonorId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_FundId",
                table: "Donations",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_OrganizationId_BankTransactionId",
                table: "Donations",
                columns: new[] { "OrganizationId", "BankTransactionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Donations_OrganizationId_Status",
                table: "Donations",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Donations_PlanId",
                table: "Donations",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_Reference",
                table: "Donations",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_Funds_HolderOrganizationId",
                table: "Funds",
                column: "HolderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantApplications_OrganizationId",
                table: "GrantApplications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantApplications_ProgrammeId",
                table: "GrantApplications",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantAttachments_ApplicationId",
                table: "GrantAttachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantAwards_ApplicationId",
                table: "GrantAwards",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantAwards_FundId",
                table: "GrantAwards",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantAwards_OrganizationId",
                table: "GrantAwards",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantAwards_ProgrammeId",
                table: "GrantAwards",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantEvaluationCosts_ProgrammeId",
                table: "GrantEvaluationCosts",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantFundings_ProgrammeId",
                table: "GrantFundings",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantInstalments_AwardId",
                table: "GrantInstalments",
                column: "AwardId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantProgrammes_FundId",
                table: "GrantProgrammes",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantProgrammes_Status",
                table: "GrantProgrammes",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_GrantReports_AwardId",
                table: "GrantReports",
                column: "AwardId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantReviewers_AccountId",
                table: "GrantReviewers",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantReviewers_ProgrammeId_AccountId",
                table: "GrantReviewers",
                columns: new[] { "ProgrammeId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantReviews_ApplicationId_ReviewerId",
                table: "GrantReviews",
                columns: new[] { "ApplicationId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantReviews_ReviewerId",
                table: "GrantReviews",
                column: "ReviewerId");

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
                name: "DonationReceipts");

            migrationBuilder.DropTable(
                name: "DonationSettings");

            migrationBuilder.DropTable(
                name: "GrantAttachments");

            migrationBuilder.DropTable(
                name: "GrantEvaluationCosts");

            migrationBuilder.DropTable(
                name: "GrantFundings");

            migrationBuilder.DropTable(
                name: "GrantInstalments");

            migrationBuilder.DropTable(
                name: "GrantReports");

            migrationBuilder.DropTable(
                name: "GrantReviewers");

            migrationBuilder.DropTable(
                name: "GrantReviews");

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
                name: "Donations");

            migrationBuilder.DropTable(
                name: "GrantAwards");

            migrationBuilder.DropTable(
                name: "SibContracts");

            migrationBuilder.DropTable(
                name: "DonationPlans");

            migrationBuilder.DropTable(
                name: "GrantApplications");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "GrantProgrammes");

            migrationBuilder.DropTable(
                name: "Funds");
        }
    }
}
