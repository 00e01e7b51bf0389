# GraphApi: build with the .NET SDK, run on the ASP.NET runtime. Built by docker-compose.yml; on its own:
#   docker build -t graphapi . && docker run -p 8080:8080 graphapi            (embedded SQLite store)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files only, so code edits do not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/GraphApi/GraphApi.csproj src/GraphApi/
COPY src/GraphApi.Core/GraphApi.Core.csproj src/GraphApi.Core/
COPY src/GraphApi.Sqlite/GraphApi.Sqlite.csproj src/GraphApi.Sqlite/
COPY src/GraphApi.Neo4j/GraphApi.Neo4j.csproj src/GraphApi.Neo4j/
RUN dotnet restore src/GraphApi/GraphApi.csproj
COPY src/ src/
# The Neo4j adapter embeds cypher/queries and cypher/schema.cypher; the host links the seed CSVs.
COPY cypher/ cypher/
RUN dotnet publish src/GraphApi/GraphApi.csproj --no-restore -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The dataset the API loads on first start (Seed:Directory defaults to "seed" under the app folder).
COPY cypher/seed/*.csv ./seed/
# A writable folder for the embedded SQLite store when the image runs without Neo4j.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_URLS=http://+:8080
# The runtime settings route latency depends on (tiering) travel with the build in GraphApi.runtimeconfig.json
# (src/GraphApi/runtimeconfig.template.json), so every launch gets them; no DOTNET_* variable is needed here.
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "GraphApi.dll"]
