@NullMarked
package eu.eccp.correlation.web;

import org.jspecify.annotations.NullMarked;
