@NullMarked
package eu.eccp.training.internal;

import org.jspecify.annotations.NullMarked;
