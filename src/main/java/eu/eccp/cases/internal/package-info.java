@NullMarked
package eu.eccp.cases.internal;

import org.jspecify.annotations.NullMarked;
