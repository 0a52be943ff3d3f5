import Foundation
import PackagePlugin

/// Embeds every file of the top-level `Prompts/` folder into the target as Swift source, so a
/// release binary copied anywhere still carries the shipped flows (no resource bundle to lose).
@main
struct EmbedPrompts: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let promptsFolder = context.package.directoryURL.appending(path: "Prompts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: promptsFolder.path())) ?? []
        let inputs = names
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
            .map { promptsFolder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPrompts.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) prompt files",
                executable: try context.tool(named: "PromptEmbedder").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
