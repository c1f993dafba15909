package eu.eccp.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * What the label checks read: the shipped message bundles, the platform's enums, and the notification topics
 * the code sends. Shared by {@code LabelsTests} and the browser tests' {@code PageChecks}.
 */
public final class LabelsSupport {

	private static volatile Set<String> topics;

	private static volatile Set<String> constants;

	private LabelsSupport() {
	}

	/** The shipped bundle of a language: {@code en}, {@code fr}, {@code de} (or a file suffix, "", "_fr"). */
	public static Properties bundle(String language) {
		String suffix = language.isEmpty() || language.startsWith("_") ? language : language.equals("en") ? "" : "_" + language;
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/messages" + suffix + ".properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}

	/** Every enum under {@code eu.eccp} (not the anonymous classes of constants with bodies). */
	public static List<Class<?>> platformEnums() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
		List<Class<?>> enums = new ArrayList<>();
		for (var definition : scanner.findCandidateComponents("eu.eccp")) {
			try {
				Class<?> type = Class.forName(definition.getBeanClassName());
				if (type.isEnum() && !definition.getBeanClassName().matches(".*\\$\\d+$")) {
					enums.add(type);
				}
			}
			catch (ClassNotFoundException e) {
				throw new IllegalStateException(e);
			}
		}
		return enums;
	}

	/** The constants of enums that people see. */
	public static Set<String> shownConstants() {
		if (constants == null) {
			Set<String> names = new TreeSet<>();
			for (Class<?> type : platformEnums()) {
				Labelled labelled = type.getAnnotation(Labelled.class);
				if (labelled != null && labelled.shown()) {
					for (Object constant : type.getEnumConstants()) {
						names.add(((Enum<?>) constant).name());
					}
				}
			}
			constants = names;
		}
		return constants;
	}

	/**
	 * The notification topics the code sends: {@code Notice.of(to, "topic", ...)}, the 24/7 network's
	 * {@code notice(to, "topic", ...)} helper, and its transitions {@code "request." + what}.
	 */
	public static Set<String> topicsInCode() {
		if (topics == null) {
			Set<String> found = new TreeSet<>();
			Pattern sent = Pattern.compile("(?:Notice\\.(?:to|of)|notice)\\(\\s*[^,;]+,\\s*\"([a-z_]+\\.[a-z_.]+)\"");
			Pattern transition = Pattern.compile("saved\\(caller, \\w+, ([^;]+?), [^,;]+\\);");
			Pattern literal = Pattern.compile("\"([a-z_]+)\"");
			try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					String code = Files.readString(file);
					Matcher matcher = sent.matcher(code);
					while (matcher.find()) {
						found.add(matcher.group(1));
					}
					if (file.endsWith("RequestLifecycle.java")) {
						Matcher saved = transition.matcher(code);
						while (saved.find()) {
							Matcher what = literal.matcher(saved.group(1));
							while (what.find()) {
								found.add("request." + what.group(1));
							}
						}
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			topics = found;
		}
		return topics;
	}
}
