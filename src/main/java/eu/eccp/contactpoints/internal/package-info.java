@NullMarked
package eu.eccp.contactpoints.internal;

import org.jspecify.annotations.NullMarked;
