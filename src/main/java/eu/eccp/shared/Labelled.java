package eu.eccp.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where the words for an enum's constants live in the message bundles: constant {@code X} reads
 * {@code PREFIX.X} (or {@code PREFIX.X.SUFFIX}) in every shipped language. Pages show these words through
 * {@link Labels#of(Object)}, never the constant. An enum that people never see says so with
 * {@code shown = false}; a test fails on any enum that is neither (see {@code LabelsTests}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Labelled {

	/** The message key prefix, e.g. {@code reportstatus}; empty when {@link #shown()} is false. */
	String value() default "";

	/** An optional suffix after the constant, e.g. {@code name} for {@code offence.PHISHING.name}. */
	String suffix() default "";

	/** Whether people ever see the constants (false: internal states that no page or e-mail shows). */
	boolean shown() default true;
}
