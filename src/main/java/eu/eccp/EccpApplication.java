package eu.eccp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

import eu.eccp.platform.CommandLineMode;

/**
 * The European Cyber Crime Platform.
 *
 * <p>Started without arguments (or with only {@code --option=value} arguments) it runs the web platform.
 * A first argument naming a command ({@code audit-verify}, {@code create-admin}) runs that command
 * against the configured database instead and exits, without starting the web server; {@code extract}
 * runs without Spring and without the database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class EccpApplication {

	public static void main(String[] args) {
		if (CommandLineMode.isCommand(args)) {
			System.exit(CommandLineMode.run(EccpApplication.class, args));
		}
		SpringApplication.run(EccpApplication.class, args);
	}
}
