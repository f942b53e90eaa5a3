using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Collaboration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Initiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OwnerKind = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Municipalities = table.Column<string>(type: "TEXT", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", nullable: false),
                    Challenges = table.Column<string>(type: "TEXT", nullable: false),
                    Pathways = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetType = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetStage = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RoleAssessment = table.Column<int>(type: "INTEGER", nullable: true),
                    RoleAssessmentNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RoleAssessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Initiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Initiatives_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Initiatives_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CollaborationCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BudgetCeiling = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PresentationAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PresentationPlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollaborationCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollaborationCalls_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CollaborationCalls_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DialogueMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Theme = table.Column<int>(type: "INTEGER", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    MinutesRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueMeetings_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DialogueMeetings_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromType = table.Column<int>(type: "INTEGER", nullable: true),
                    FromStage = table.Column<int>(type: "INTEGER", nullable: true),
                    ToType = table.Column<int>(type: "INTEGER", nullable: false),
                    ToStage = table.Column<int>(type: "INTEGER", nullable: true),
                    Ended = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InitiativeChanges_AspNetUsers_ChangedBy",
                        column: x => x.ChangedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_InitiativeChanges_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallCriteria",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MaxScore = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallCriteria", x => new { x.CallId, x.Number });
                    table.ForeignKey(
                        name: "FK_CallCriteria_CollaborationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "CollaborationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallReviewers",
                columns: table => new
                {
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallReviewers", x => new { x.CallId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_CallReviewers_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallReviewers_CollaborationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "CollaborationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CollaborationProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CoProposers = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Budget = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollaborationProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollaborationProposals_AspNetUsers_ProposerId",
                        column: x => x.ProposerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CollaborationProposals_CollaborationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "CollaborationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollaborationProposals_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpActions_DialogueMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "DialogueMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CollaborationAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GovernmentCost = table.Column<long>(type: "INTEGER", nullable: false),
                    PartnerCost = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlaceBoundaries = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReportingDuties = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    GovernmentSignatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GovernmentSignedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    GovernmentSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PartnerSignatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartnerSignedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PartnerSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Roles = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollaborationAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollaborationAgreements_AspNetUsers_GovernmentSignedBy",
                        column: x => x.GovernmentSignedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CollaborationAgreements_AspNetUsers_PartnerSignedBy",
                        column: x => x.PartnerSignedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CollaborationAgreements_CollaborationProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "CollaborationProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CollaborationPilots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollaborationPilots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollaborationPilots_AspNetUsers_DecidedBy",
                        column: x => x.DecidedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CollaborationPilots_CollaborationProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "CollaborationProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollaborationPilots_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalAttachments_CollaborationProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "CollaborationProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Conflicted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConflictNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Scores = table.Column<string>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalReviews_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposalReviews_CollaborationProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "CollaborationProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PilotEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PilotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<int>(type: "INTEGER", nullable: false),
                    Ratings = table.Column<string>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotEvaluations_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PilotEvaluations_CollaborationPilots_PilotId",
                        column: x => x.PilotId,
                        principalTable: "CollaborationPilots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PilotMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PilotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotMilestones_CollaborationPilots_PilotId",
                        column: x => x.PilotId,
                        principalTable: "CollaborationPilots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PilotReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PilotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ResultsAgainstGoals = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Side = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotReports_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PilotReports_CollaborationPilots_PilotId",
                        column: x => x.PilotId,
                        principalTable: "CollaborationPilots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalAttachmentFiles",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalAttachmentFiles", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_ProposalAttachmentFiles_ProposalAttachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "ProposalAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallReviewers_AccountId",
                table: "CallReviewers",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationAgreements_GovernmentSignedBy",
                table: "CollaborationAgreements",
                column: "GovernmentSignedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationAgreements_PartnerSignedBy",
                table: "CollaborationAgreements",
                column: "PartnerSignedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationAgreements_ProposalId",
                table: "CollaborationAgreements",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationCalls_CreatedBy",
                table: "CollaborationCalls",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationCalls_Department",
                table: "CollaborationCalls",
                column: "Department");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationCalls_InitiativeId",
                table: "CollaborationCalls",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationCalls_Status_Deadline",
                table: "CollaborationCalls",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationPilots_DecidedBy",
                table: "CollaborationPilots",
                column: "DecidedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationPilots_InitiativeId",
                table: "CollaborationPilots",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationPilots_ProposalId",
                table: "CollaborationPilots",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationProposals_CallId_Status",
                table: "CollaborationProposals",
                columns: new[] { "CallId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationProposals_OrganizationId",
                table: "CollaborationProposals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationProposals_ProposerId",
                table: "CollaborationProposals",
                column: "ProposerId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueMeetings_InitiativeId",
                table: "DialogueMeetings",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueMeetings_OpportunityId",
                table: "DialogueMeetings",
                column: "OpportunityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpActions_DoneOn_DueOn",
                table: "FollowUpActions",
                columns: new[] { "DoneOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpActions_MeetingId_DueOn",
                table: "FollowUpActions",
                columns: new[] { "MeetingId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeChanges_ChangedBy",
                table: "InitiativeChanges",
                column: "ChangedBy");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeChanges_InitiativeId_ChangedAt",
                table: "InitiativeChanges",
                columns: new[] { "InitiativeId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_CreatedBy",
                table: "Initiatives",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_OrganizationId",
                table: "Initiatives",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_OwnerName",
                table: "Initiatives",
                column: "OwnerName");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Type_Stage",
                table: "Initiatives",
                columns: new[] { "Type", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_PilotEvaluations_AccountId",
                table: "PilotEvaluations",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotEvaluations_PilotId_Side",
                table: "PilotEvaluations",
                columns: new[] { "PilotId", "Side" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotMilestones_PilotId_DueOn",
                table: "PilotMilestones",
                columns: new[] { "PilotId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PilotReports_AuthorId",
                table: "PilotReports",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotReports_PilotId_SubmittedAt",
                table: "PilotReports",
                columns: new[] { "PilotId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalAttachments_ProposalId_AddedAt",
                table: "ProposalAttachments",
                columns: new[] { "ProposalId", "AddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReviews_ProposalId_ReviewerId",
                table: "ProposalReviews",
                columns: new[] { "ProposalId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReviews_ReviewerId",
                table: "ProposalReviews",
                column: "ReviewerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallCriteria");

            migrationBuilder.DropTable(
                name: "CallReviewers");

            migrationBuilder.DropTable(
                name: "CollaborationAgreements");

            migrationBuilder.DropTable(
                name: "FollowUpActions");

            migrationBuilder.DropTable(
                name: "InitiativeChanges");

            migrationBuilder.DropTable(
                name: "PilotEvaluations");

            migrationBuilder.DropTable(
                name: "PilotMilestones");

            migrationBuilder.DropTable(
                name: "PilotReports");

            migrationBuilder.DropTable(
                name: "ProposalAttachmentFiles");

            migrationBuilder.DropTable(
                name: "ProposalReviews");

            migrationBuilder.DropTable(
                name: "DialogueMeetings");

            migrationBuilder.DropTable(
                name: "CollaborationPilots");

            migrationBuilder.DropTable(
                name: "ProposalAttachments");

            migrationBuilder.DropTable(
                name: "CollaborationProposals");

            migrationBuilder.DropTable(
                name: "CollaborationCalls");

            migrationBuilder.DropTable(
                name: "Initiatives");
        }
    }
}
