using Hangfire;
using Microsoft.EntityFrameworkCore;
using Web.Data;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<ShopContext>(options =>
    options.UseSqlServer(builder.Configuration.GetConnectionString("Shop"))); // want: store mssql SQL Server

// Once on PostgreSQL: options.UseNpgsql(builder.Configuration.GetConnectionString("Pg"));
builder.Services.AddHangfire(config => config
    .UseSqlServerStorage(builder.Configuration.GetConnectionString("Jobs"))); // want: store hangfire Hangfire job queue
builder.Services.AddStackExchangeRedisCache(o => o.Configuration = builder.Configuration["Cache"]); // want: store redis Redis

var hint = "switch with .UseMySql(cs, version) in Program.cs";
builder.Services.AddDbContext<ScratchContext>(o => o.UseInMemoryDatabase("scratch"));

var app = builder.Build();
app.Run();
