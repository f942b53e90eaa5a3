using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tsunagari.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProBonoDeliverablesAndCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProBonoCases",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Made = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    ShowLinks = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProBonoCases", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_ProBonoCases_AspNetUsers_ConsentedBy",
                        column: x => x.ConsentedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProBonoCases_ProBonoProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ProBonoProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectDeliverables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectDeliverables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectDeliverables_AspNetUsers_AddedBy",
                        column: x => x.AddedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProjectDeliverables_ProBonoProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "ProBonoProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeliverableFiles",
                columns: table => new
                {
                    DeliverableId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverableFiles", x => x.DeliverableId);
                    table.ForeignKey(
                        name: "FK_DeliverableFiles_ProjectDeliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "ProjectDeliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProBonoCases_ConsentedBy",
                table: "ProBonoCases",
                column: "ConsentedBy");

            migrationBuilder.CreateIndex(
                name: "IX_ProBonoCases_PublishedAt",
                table: "ProBonoCases",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectDeliverables_AddedBy",
                table: "ProjectDeliverables",
                column: "AddedBy");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectDeliverables_ProjectId_AddedAt",
                table: "ProjectDeliverables",
                columns: new[] { "ProjectId", "AddedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliverableFiles");

            migrationBuilder.DropTable(
                name: "ProBonoCases");

            migrationBuilder.DropTable(
                name: "ProjectDeliverables");
        }
    }
}
