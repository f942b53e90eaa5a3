using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProBono : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatchingRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultMinSize = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultMaxSize = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSolver = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LastOptimal = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchingRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProBonoProfiles",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    YearsOfExperience = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursPerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailableFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AvailableTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreferredFields = table.Column<string>(type: "TEXT", nullable: false),
                    PreferredMunicipalities = table.Column<string>(type: "TEXT", nullable: false),
                    AcceptsOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptsInPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    Conflicts = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProBonoProfiles", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_ProBonoProfiles_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Deliverable = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursPerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Field = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MinSize = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxSize = table.Column<int>(type: "INTEGER", nullable: false),
                    UnstaffedReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UnstaffedSkill = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SubmittedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Challenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Challenges_MatchingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MatchingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Challenges_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProBonoSkills",
                columns: table => new
                {
                    Skill = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProBonoSkills", x => new { x.AccountId, x.Skill });
                    table.ForeignKey(
                        name: "FK_ProBonoSkills_ProBonoProfiles_AccountId",
                        column: x => x.AccountId,
                        principalTable: "ProBonoProfiles",
                        principalColumn: "AccountId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeRoles",
                columns: table => new
                {
                    Skill = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ChallengeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeRoles", x => new { x.ChallengeId, x.Skill });
                    table.ForeignKey(
                        name: "FK_ChallengeRoles_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Fit = table.Column<int>(type: "INTEGER", nullable: false),
                    Locked = table.Column<bool>(type: "INTEGER", nullable: false),
                    Response = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundAssignments_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundAssignments_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundAssignments_MatchingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MatchingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_OrganizationId_SubmittedAt",
                table: "Challenges",
                columns: new[] { "OrganizationId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_RoundId",
                table: "Challenges",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_Status",
                table: "Challenges",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_MatchingRounds_CreatedAt",
                table: "MatchingRounds",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProBonoProfiles_Active",
                table: "ProBonoProfiles",
                column: "Active");

            migrationBuilder.CreateIndex(
                name: "IX_RoundAssignments_AccountId_Response",
                table: "RoundAssignments",
                columns: new[] { "AccountId", "Response" });

            migrationBuilder.CreateIndex(
                name: "IX_RoundAssignments_ChallengeId",
                table: "RoundAssignments",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundAssignments_RoundId_ChallengeId",
                table: "RoundAssignments",
                columns: new[] { "RoundId", "ChallengeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChallengeRoles");

            migrationBuilder.DropTable(
                name: "ProBonoSkills");

            migrationBuilder.DropTable(
                name: "RoundAssignments");

            migrationBuilder.DropTable(
                name: "ProBonoProfiles");

            migrationBuilder.DropTable(
                name: "Challenges");

            migrationBuilder.DropTable(
                name: "MatchingRounds");
        }
    }
}
