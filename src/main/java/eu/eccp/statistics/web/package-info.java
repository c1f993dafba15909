@NullMarked
package eu.eccp.statistics.web;

import org.jspecify.annotations.NullMarked;
